pragma Singleton
import QtQml

// Dates and times as people read them in the UI language. Qt.formatDateTime() gives English day and
// month names whatever the language (QDateTime::toString uses the C locale in Qt 6); these follow
// the locale the app sets (Qt.locale(), Korean when the app is in Korean), and the order of the
// parts is the translator's: "Fri 12 Dec 18:00", "12월 12일 (금) 18:00".
QtObject {
    //! A moment (a Date or ms since the epoch): weekday, day, month, hours and minutes.
    function moment(date, locale) {
        //: A date and time in Qt's date format (ddd: weekday, d: day, MMM: month, HH:mm: time); put the parts in your language's order
        return new Date(date).toLocaleString(locale !== undefined ? locale : Qt.locale(), qsTr("ddd d MMM HH:mm"))
    }
    //! The weekday of `date`, written out ("Friday", "금요일").
    function weekday(date, locale) {
        return new Date(date).toLocaleString(locale !== undefined ? locale : Qt.locale(), "dddd")
    }
}
