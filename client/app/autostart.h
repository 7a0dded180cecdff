#pragma once

#include <QString>

#include <memory>

namespace confab::app {

//! Starting the app when the user logs in. One adapter per desktop; see forThisSystem().
class Autostart {
public:
    virtual ~Autostart() = default;
    virtual bool supported() const = 0;
    virtual bool enabled() const = 0;
    //! Returns "" on success, else what went wrong, for the settings page to show.
    virtual QString setEnabled(bool enabled) = 0;

    //! The XDG autostart adapter on Linux and other freedesktop systems; elsewhere one that says
    //! it is not supported (Windows' Run key and macOS login items are not built yet).
    static std::unique_ptr<Autostart> forThisSystem();
};

/*!
 * freedesktop.org autostart: a .desktop file in $XDG_CONFIG_HOME/autostart that runs this binary
 * with --start-in-tray. Named separately so that it can be tested with a scratch config folder.
 */
class XdgAutostart : public Autostart {
public:
    //! `folder`: the autostart folder; `program`: the binary to start.
    XdgAutostart(QString folder, QString program);
    bool supported() const override { return true; }
    bool enabled() const override;
    QString setEnabled(bool enabled) override;
    QString filePath() const;
    static QString defaultFolder();

private:
    QString m_folder;
    QString m_program;
};

class UnsupportedAutostart : public Autostart {
public:
    bool supported() const override { return false; }
    bool enabled() const override { return false; }
    QString setEnabled(bool) override;
};

} // namespace confab::app
