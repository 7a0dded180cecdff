#pragma once

// The field visitors behind every wire type's toJson()/fromJson().
//
// Each wire type lists its fields once, in `static void fields(auto &self, auto &v)`, as calls like
// `v("body", self.body, text::Body)`. JsonWriter turns those calls into a QJsonObject; JsonReader
// checks and reads them, stopping at the first problem with the field's path and what was wrong.

#include "limits.h"
#include "result.h"

#include <QJsonArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <concepts>
#include <optional>
#include <string_view>

namespace confab::protocol {

//! How a string field is checked.
struct TextRule {
    int minChars = 0;
    int maxChars = 0;       //!< in UTF-16 code units; 0 = no limit of this kind
    int maxBytes = 0;       //!< in UTF-8 bytes; 0 = no limit of this kind
    bool multiLine = false; //!< allows \n, \r and \t; other control characters are never allowed
    bool idChars = false;   //!< only [A-Za-z0-9_.-]
    bool lowerAscii = false; //!< only [a-z0-9_.-] (usernames)
    bool hex = false;        //!< only [0-9a-f]
    bool name = false;       //!< shown to others as a name: no invisible characters (text.h)
    bool controls = false;   //!< allows every control character (text that is itself encoded JSON)
};

//! How an integer field is checked.
struct IntRule {
    qint64 min = 0;
    qint64 max = field::kMaxSafeInteger;
    bool defaulted = false; //!< may be left out: the field then keeps the value the type gives it
};

//! How a list field is checked; the items use the rule given alongside.
struct ListRule {
    int maxItems = field::kMaxListItems;
    bool required = true; //!< when false, an absent list reads as empty and an empty list is not written
    int minItems = 0;
};

//! How a map field (a JSON object of keys the sender chooses) is checked; the values use the rule
//! given alongside, the keys `key`.
struct MapRule {
    int maxItems = field::kMaxListItems;
    TextRule key{.minChars = 1, .maxChars = field::kIdMaxChars, .idChars = true};
};

namespace rule {
inline constexpr TextRule Id{.minChars = 1, .maxChars = field::kIdMaxChars, .idChars = true};
inline constexpr TextRule Username{.minChars = field::kUsernameMinChars,
                                   .maxChars = field::kUsernameMaxChars,
                                   .lowerAscii = true};
inline constexpr TextRule DisplayName{.minChars = 1, .maxChars = field::kDisplayNameMaxChars, .name = true};
inline constexpr TextRule Password{.minChars = field::kPasswordMinChars, .maxBytes = field::kPasswordMaxBytes};
inline constexpr TextRule Token{.minChars = 1, .maxChars = field::kTokenMaxChars, .idChars = true};
inline constexpr TextRule Title{.minChars = 0, .maxChars = field::kTitleMaxChars, .name = true};
inline constexpr TextRule Description{.minChars = 0, .maxChars = 1024, .multiLine = true, .name = true};
//! A user's status text: shown beside their name, so it follows the name rules; "" is none.
inline constexpr TextRule Status{.minChars = 0, .maxChars = field::kStatusMaxChars, .name = true};
inline constexpr TextRule Device{.minChars = 0, .maxChars = field::kDeviceMaxChars};
//! Message bodies: the server's configured limit applies on top of this protocol ceiling.
inline constexpr TextRule Body{.minChars = 0, .maxBytes = 32 * 1024, .multiLine = true};
inline constexpr TextRule FileName{.minChars = 1, .maxBytes = field::kFileNameMaxBytes, .name = true};
inline constexpr TextRule Mime{.minChars = 1, .maxChars = field::kMimeMaxChars};
inline constexpr TextRule Sha256{.minChars = 64, .maxChars = 64, .hex = true};
inline constexpr TextRule Emoji{.minChars = 1, .maxBytes = field::kEmojiMaxBytes};
inline constexpr TextRule Query{.minChars = 1, .maxChars = field::kSearchQueryMaxChars};
inline constexpr TextRule Message{.minChars = 0, .maxChars = field::kMessageMaxChars, .multiLine = true};
inline constexpr TextRule Snippet{.minChars = 0, .maxBytes = 4096, .multiLine = true};
inline constexpr TextRule Base64{.minChars = 0, .maxBytes = 16 * 1024};
inline constexpr IntRule Seq{.min = 0};
inline constexpr IntRule Time{.min = 0}; //!< epoch milliseconds
inline constexpr IntRule Count{.min = 0};
inline constexpr IntRule Positive{.min = 1};
} // namespace rule

//! Wire names of an enum, in the enum's order. Specialised next to each enum.
template <class E> struct EnumNames;

template <class E>
concept WireEnum = std::is_enum_v<E> && requires { EnumNames<E>::names; };

template <WireEnum E> QString enumName(E value)
{
    return QString::fromLatin1(EnumNames<E>::names[static_cast<size_t>(value)]);
}

template <WireEnum E> std::optional<E> enumFromName(QStringView name)
{
    const auto &names = EnumNames<E>::names;
    for (size_t i = 0; i < names.size(); ++i) {
        if (name == QLatin1StringView(names[i]))
            return static_cast<E>(i);
    }
    return std::nullopt;
}

namespace detail {
struct AnyVisitor {
    template <class... A> void operator()(A &&...) {}
};
} // namespace detail

//! A type that lists its fields for the visitors.
template <class T>
concept WireObject = std::is_class_v<T> && requires(T &t, detail::AnyVisitor &v) { T::fields(t, v); };

// ---------------------------------------------------------------------------------------------
//! Builds a QJsonObject from a wire type's fields.
struct JsonWriter {
    QJsonObject object;

    void operator()(const char *key, const QString &value, const TextRule & = {}) { put(key, value); }
    void operator()(const char *key, qint64 value, const IntRule & = {}) { put(key, double(value)); }
    void operator()(const char *key, bool value) { put(key, value); }
    template <WireEnum E> void operator()(const char *key, E value) { put(key, enumName(value)); }
    template <WireObject T> void operator()(const char *key, const T &value) { put(key, write(value)); }
    template <class T, class... Rule> void operator()(const char *key, const std::optional<T> &value, const Rule &...r)
    {
        if (value)
            (*this)(key, *value, r...);
    }
    template <class T, class... Rule>
    void operator()(const char *key, const QList<T> &values, const ListRule &list, const Rule &...r)
    {
        if (values.isEmpty() && !list.required)
            return;
        QJsonArray array;
        for (const T &item : values) {
            JsonWriter inner;
            inner("_", item, r...);
            array.append(inner.object.value(QLatin1StringView("_")));
        }
        put(key, array);
    }
    template <class T, class... Rule>
    void operator()(const char *key, const QHash<QString, T> &values, const MapRule &, const Rule &...r)
    {
        QJsonObject map;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            JsonWriter inner;
            inner("_", it.value(), r...);
            map.insert(it.key(), inner.object.value(QLatin1StringView("_")));
        }
        put(key, map);
    }

    template <WireObject T> static QJsonObject write(const T &value)
    {
        JsonWriter w;
        T::fields(value, w);
        return w.object;
    }

private:
    void put(const char *key, const QJsonValue &value) { object.insert(QLatin1StringView(key), value); }
};

// ---------------------------------------------------------------------------------------------
//! Checks and reads a wire type's fields out of a QJsonObject; stops at the first error.
class JsonReader {
public:
    explicit JsonReader(const QJsonObject &object, QString path = {})
        : m_object(object), m_path(std::move(path))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    const DecodeError &error() const { return *m_error; }

    void operator()(const char *key, QString &out, const TextRule &r) { readField(key, out, r); }
    void operator()(const char *key, qint64 &out, const IntRule &r = {})
    {
        if (r.defaulted && (m_object.value(QLatin1StringView(key)).isUndefined() || m_object.value(QLatin1StringView(key)).isNull()))
            return; // the type's own initial value is the documented default
        readField(key, out, r);
    }
    void operator()(const char *key, bool &out) { readField(key, out); }
    template <WireEnum E> void operator()(const char *key, E &out) { readField(key, out); }
    template <WireObject T> void operator()(const char *key, T &out) { readField(key, out); }

    template <class T, class... Rule> void operator()(const char *key, std::optional<T> &out, const Rule &...r)
    {
        if (!ok())
            return;
        const QJsonValue value = m_object.value(QLatin1StringView(key));
        if (value.isUndefined() || value.isNull()) {
            out.reset();
            return;
        }
        T item{};
        if (read(value, pathOf(key), item, r...))
            out = std::move(item);
    }

    template <class T, class... Rule>
    void operator()(const char *key, QList<T> &out, const ListRule &list, const Rule &...r)
    {
        if (!ok())
            return;
        const QJsonValue value = m_object.value(QLatin1StringView(key));
        const QString path = pathOf(key);
        if ((value.isUndefined() || value.isNull()) && !list.required) {
            out.clear();
            return;
        }
        if (value.isUndefined())
            return fail(path, QStringLiteral("is required"));
        if (!value.isArray())
            return fail(path, QStringLiteral("must be an array"));
        const QJsonArray array = value.toArray();
        if (array.size() > list.maxItems)
            return fail(path, QStringLiteral("has more than %1 items").arg(list.maxItems), ErrorCode::TooLarge);
        if (array.size() < list.minItems)
            return fail(path, list.minItems == 1 ? QStringLiteral("must not be empty")
                                                 : QStringLiteral("needs at least %1 items").arg(list.minItems));
        out.clear();
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            T item{};
            if (!read(array.at(i), path + QStringLiteral("[%1]").arg(i), item, r...))
                return;
            out.append(std::move(item));
        }
    }

    template <class T, class... Rule>
    void operator()(const char *key, QHash<QString, T> &out, const MapRule &map, const Rule &...r)
    {
        if (!ok())
            return;
        const QJsonValue value = m_object.value(QLatin1StringView(key));
        const QString path = pathOf(key);
        if (value.isUndefined())
            return fail(path, QStringLiteral("is required"));
        if (!value.isObject())
            return fail(path, QStringLiteral("must be an object"));
        const QJsonObject object = value.toObject();
        if (object.size() > map.maxItems)
            return fail(path, QStringLiteral("has more than %1 entries").arg(map.maxItems), ErrorCode::TooLarge);
        out.clear();
        out.reserve(object.size());
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            QString name;
            if (!read(QJsonValue(it.key()), path + QStringLiteral(" key"), name, map.key))
                return;
            T item{};
            if (!read(it.value(), path + u'.' + name, item, r...))
                return;
            out.insert(name, std::move(item));
        }
    }

    //! Records an error found by a type's own cross-field check.
    void fail(const QString &path, const QString &message, ErrorCode code = ErrorCode::Invalid)
    {
        if (!m_error)
            m_error = DecodeError{code, path, message, {}};
    }
    QString pathOf(const char *key) const
    {
        const auto k = QString::fromLatin1(key);
        return m_path.isEmpty() ? k : m_path + u'.' + k;
    }

    template <WireObject T> static Result<T> readObject(const QJsonObject &object, const QString &path = {})
    {
        JsonReader r(object, path);
        T value{};
        T::fields(value, r);
        if constexpr (requires(const T &t, JsonReader &rr) { t.check(rr); }) {
            if (r.ok())
                value.check(r);
        }
        if (!r.ok())
            return r.error();
        return value;
    }

private:
    template <class T, class... Rule> void readField(const char *key, T &out, const Rule &...r)
    {
        if (!ok())
            return;
        const QJsonValue value = m_object.value(QLatin1StringView(key));
        if (value.isUndefined())
            return fail(pathOf(key), QStringLiteral("is required"));
        read(value, pathOf(key), out, r...);
    }

    bool read(const QJsonValue &value, const QString &path, QString &out, const TextRule &r);
    bool read(const QJsonValue &value, const QString &path, qint64 &out, const IntRule &r = {});
    bool read(const QJsonValue &value, const QString &path, bool &out);
    template <WireEnum E> bool read(const QJsonValue &value, const QString &path, E &out)
    {
        if (!value.isString()) {
            fail(path, QStringLiteral("must be a string"));
            return false;
        }
        const auto parsed = enumFromName<E>(value.toString());
        if (!parsed) {
            fail(path, QStringLiteral("is not one of the allowed values"));
            return false;
        }
        out = *parsed;
        return true;
    }
    template <WireObject T> bool read(const QJsonValue &value, const QString &path, T &out)
    {
        if (!value.isObject()) {
            fail(path, QStringLiteral("must be an object"));
            return false;
        }
        auto result = readObject<T>(value.toObject(), path);
        if (!result) {
            m_error = result.error();
            return false;
        }
        out = std::move(result).value();
        return true;
    }

    QJsonObject m_object;
    QString m_path;
    std::optional<DecodeError> m_error;
};

} // namespace confab::protocol

//! The members every wire type has: its converters and equality.
#define CONFAB_WIRE(T)                                                                                       \
    QJsonObject toJson() const { return ::confab::protocol::JsonWriter::write(*this); }                      \
    static ::confab::protocol::Result<T> fromJson(const QJsonObject &object)                                  \
    {                                                                                                        \
        return ::confab::protocol::JsonReader::readObject<T>(object);                                        \
    }                                                                                                        \
    bool operator==(const T &) const = default;
