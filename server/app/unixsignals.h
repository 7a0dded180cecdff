#pragma once

#include <QObject>
#include <QSocketNotifier>

namespace confab::server {

//! Turns SIGINT and SIGTERM into a Qt signal, through a self-pipe (handlers may do almost nothing).
class UnixSignals : public QObject {
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

signals:
    void terminate(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace confab::server
