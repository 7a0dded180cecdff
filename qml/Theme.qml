pragma Singleton
import QtQuick

// Every colour and size of the UI (shared/UI.md). Components never hard-code either.
QtObject {
    // Set by Main.qml from App.dark; tests set it directly.
    property bool dark: false

    // ---- colours (UI.md table) ------------------------------------------------------------------
    readonly property color window: dark ? "#17191C" : "#FFFFFF"
    readonly property color sidebar: dark ? "#1E2024" : "#F4F5F7"
    readonly property color text: dark ? "#E6E7EA" : "#1D1F23"
    readonly property color textMuted: dark ? "#9AA0A8" : "#6B7079"
    readonly property color accent: dark ? "#5B8DEF" : "#2F6FED"
    readonly property color bubbleOwn: dark ? "#24406E" : "#DCE8FF"
    readonly property color bubbleOther: dark ? "#2A2D32" : "#F0F1F3"
    readonly property color danger: dark ? "#F06A6A" : "#D64545"
    readonly property color warning: dark ? "#E0B040" : "#C98A00"

    // Derived: quiet surfaces and lines that keep the two above readable.
    readonly property color divider: dark ? "#2C2F35" : "#E4E6EA"
    readonly property color hover: dark ? "#262930" : "#E9EBEF"
    readonly property color selected: dark ? "#263650" : "#DDE7FC"
    readonly property color field: dark ? "#26292E" : "#FFFFFF"
    readonly property color fieldBorder: dark ? "#363A41" : "#D5D8DD"
    readonly property color textOnAccent: "#FFFFFF"
    readonly property color badgeMuted: dark ? "#4A4F57" : "#A3A8B0"
    readonly property color warningSurface: dark ? "#3A2F12" : "#FFF4D6"
    readonly property color dangerSurface: dark ? "#3D1F21" : "#FDE7E7"
    readonly property color link: accent
    // Code blocks in messages: a box a little apart from the bubble.
    readonly property color codeSurface: dark ? "#1B1D21" : "#F7F8FA"
    // Presence dots: green online, amber away (offline shows none).
    readonly property color presenceOnline: dark ? "#3FB871" : "#2E9E5B"
    readonly property color presenceAway: warning
    // The A/B chip of blind rooms: two calm, distinct tints.
    readonly property color groupA: dark ? "#7AA2F7" : "#2F6FED"
    readonly property color groupB: dark ? "#E0A05A" : "#B8660B"

    // ---- spacing scale 4/8/12/16/24 -------------------------------------------------------------
    readonly property int spacingXs: 4
    readonly property int spacingS: 8
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXl: 24

    // ---- type ---------------------------------------------------------------------------------
    // A stack that covers Hangul; the app sets the first installed one as the default font.
    readonly property var fontFamilies: ["Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo"]
    readonly property string fontFamily: {
        const installed = Qt.fontFamilies()
        for (const family of fontFamilies) {
            if (installed.indexOf(family) >= 0)
                return family
        }
        return Qt.application.font.family
    }
    readonly property int fontBody: 14
    readonly property int fontSmall: 12
    readonly property int fontTitle: 16
    //! Code in messages and in the composer's hints.
    readonly property string fontMono: "monospace"

    // ---- shapes and sizes -----------------------------------------------------------------------
    readonly property int radiusBubble: 12
    readonly property int radiusControl: 8
    readonly property int avatar: 40
    readonly property int avatarSmall: 32
    readonly property int rowHeight: 64
    readonly property int headerHeight: 56
    readonly property int bannerHeight: 32
    readonly property int sidebarMin: 280
    readonly property int sidebarMax: 320
    readonly property int bubbleMaxWidth: 640
    readonly property int controlHeight: 36
    readonly property int typingStrip: 22
    readonly property int memberPanelWidth: 260
}
