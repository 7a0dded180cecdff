#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace confab::client {

/*!
 * Message text for a rich-text view: the text HTML-escaped, web addresses turned into links, line
 * breaks kept. An address is http:// or https:// followed by anything but spaces, or a bare
 * "www." host ("www.example.org/menu", linked as https://); punctuation that ends a sentence
 * after it (".", ",", "!", a closing bracket without its opening one) stays outside the link.
 */
class Linkify : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;

    //! `linkColor`: the theme's link colour (CSS), or empty for the view's own.
    Q_INVOKABLE static QString html(const QString &text, const QString &linkColor = {});
};

} // namespace confab::client
