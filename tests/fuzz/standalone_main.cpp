// A plain main() for the fuzz targets, for compilers without libFuzzer (g++): replays every file
// of the folders (or files) given, then deterministic variants of each — truncations, byte flips,
// splices of two inputs — so that the ctest `security` run exercises more than the seeds alone.
//   fuzz_x_replay [-variants=N] <dir|file>…
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>
#include <random>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

void run(const QByteArray &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()), std::size_t(input.size()));
}

} // namespace

int main(int argc, char **argv)
{
    int variants = 200;
    QList<QByteArray> inputs;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.startsWith(QLatin1String("-variants="))) {
            variants = arg.mid(10).toInt();
            continue;
        }
        QStringList files;
        if (QFileInfo(arg).isDir()) {
            const QDir dir(arg);
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                files.append(dir.filePath(name));
        } else {
            files.append(arg);
        }
        for (const QString &path : files) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                inputs.append(f.readAll());
        }
    }
    if (inputs.isEmpty()) {
        std::fprintf(stderr, "no inputs: give a seed folder\n");
        return 2;
    }
    for (const QByteArray &input : inputs)
        run(input);
    std::mt19937 rng(20240601u); // fixed: the same variants on every run
    qint64 runs = inputs.size();
    for (const QByteArray &seed : inputs) {
        for (int v = 0; v < variants; ++v, ++runs) {
            QByteArray input = seed;
            switch (rng() % 4) {
            case 0: // truncated
                input.truncate(qsizetype(rng() % quint32(qMax<qsizetype>(1, input.size()))));
                break;
            case 1: // a few bytes changed
                for (int n = 0; n < 1 + int(rng() % 4) && !input.isEmpty(); ++n)
                    input[qsizetype(rng() % quint32(input.size()))] = char(rng() % 256);
                break;
            case 2: { // spliced with another input
                const QByteArray &other = inputs[qsizetype(rng() % quint32(inputs.size()))];
                input = input.left(qsizetype(rng() % quint32(input.size() + 1)))
                    + other.mid(qsizetype(rng() % quint32(other.size() + 1)));
                break;
            }
            default: // a byte inserted where JSON is most sensitive
                if (!input.isEmpty()) {
                    static const char kSpecial[] = {'"', '\\', '{', '}', '[', ']', ':', ',', '\0', '\xff', '9', '-'};
                    input.insert(qsizetype(rng() % quint32(input.size())), kSpecial[rng() % sizeof(kSpecial)]);
                }
                break;
            }
            run(input);
        }
    }
    std::printf("replayed %lld inputs (%lld seeds)\n", static_cast<long long>(runs), static_cast<long long>(inputs.size()));
    return 0;
}
