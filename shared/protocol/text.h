#pragma once

// Names that cannot lie: what a name shown to other people (a display name, a conversation's title
// and description, a file name) may contain.
//
// Invisible format characters let one user's name render as another's: a right-to-left override
// (U+202E) turns "\u202Egnp.exe Admin" into something that reads "nimdA exe.png", zero-width
// characters pad a name so that it looks like a colleague's, and a blank filler (U+3164) makes a
// name that shows nothing at all. Confab refuses them in names, on both sides, through the
// protocol's text rules; the joiners that emoji sequences and some scripts need stay allowed where
// they join two visible characters.

#include <QString>
#include <QStringView>

#include <optional>

namespace confab::protocol::text {

//! Where the first hidden character of `text` is, and what it is (e.g. "U+202E"), or nothing when
//! the text is fit to show as a name. Bidirectional controls (U+202A–U+202E, U+2066–U+2069,
//! U+200E, U+200F, U+061C), zero-width and other format characters (Unicode category Cf), line and
//! paragraph separators and blank fillers (Hangul fillers, braille blank) are hidden; a zero-width
//! joiner or non-joiner between two visible non-ASCII characters (emoji sequences, Indic and
//! Persian text) and the tag characters of a subdivision flag (🏴 + tags + cancel tag) are not.
struct Hidden {
    qsizetype at = 0;
    char32_t codePoint = 0;
    QString describe() const;
};
std::optional<Hidden> findHidden(QStringView text);

//! `text` without its hidden characters, and trimmed: for names stored before the rule existed.
QString withoutHidden(QStringView text);

//! The reason a name is refused, in the protocol's words ("must not contain the invisible
//! character U+202E"), or nothing when it is fine. Blank names (only spaces) are refused too.
std::optional<QString> nameProblem(QStringView text);

} // namespace confab::protocol::text
