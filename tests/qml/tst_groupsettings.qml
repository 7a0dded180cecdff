import QtQuick
import QtTest
import Confab.UI

// The group settings dialog on its own: what owners, admins and members may change, and that every
// change leaves as a signal (the client library and the server do the rest).
Item {
    id: root
    width: 900
    height: 800

    ListModel {
        id: people
        ListElement { memberId: "u1"; name: "Mina Park"; username: "mina"; roleName: "owner"; avatarColor: "#1D4ED8"
                      initials: "MP"; isMe: true; alias: false; removable: false; roleChangeable: false; group: "" }
        ListElement { memberId: "u2"; name: "Joon Lee"; username: "joon"; roleName: "admin"; avatarColor: "#B91C1C"
                      initials: "JL"; isMe: false; alias: false; removable: true; roleChangeable: true; group: "" }
        ListElement { memberId: "u3"; name: "김하나"; username: "hana"; roleName: "member"; avatarColor: "#15803D"
                      initials: "김"; isMe: false; alias: false; removable: true; roleChangeable: true; group: "" }
    }
    ListModel {
        id: asMember
        ListElement { memberId: "u1"; name: "Mina Park"; username: "mina"; roleName: "owner"; avatarColor: "#1D4ED8"
                      initials: "MP"; isMe: false; alias: false; removable: false; roleChangeable: false; group: "" }
        ListElement { memberId: "u3"; name: "김하나"; username: "hana"; roleName: "member"; avatarColor: "#15803D"
                      initials: "김"; isMe: true; alias: false; removable: false; roleChangeable: false; group: "" }
    }

    Component {
        id: dialogComponent
        GroupSettingsDialog {
            title: "Design team"
            description: "Sidebar, theme and icons."
        }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "GroupSettingsDialog"
        when: windowShown

        function open(props) {
            const dialog = createTemporaryObject(dialogComponent, root, props)
            dialog.show()
            tryCompare(dialog, "opened", true)
            return dialog
        }
        function type(text) {
            for (const c of text)
                keyClick(c)
        }
        function menuItem(menu, name) {
            for (let i = 0; i < menu.count; ++i) {
                if (menu.itemAt(i).objectName === name)
                    return menu.itemAt(i)
            }
            return null
        }
        function spy(target, signalName) {
            return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
        }
        function rows(dialog) {
            const out = []
            const collect = item => {
                for (let i = 0; i < item.children.length; ++i) {
                    const child = item.children[i]
                    if (child.objectName === "groupMemberRow")
                        out.push(child)
                    collect(child)
                }
            }
            collect(dialog.contentItem)
            return out
        }

        function test_ownerSeesEverything() {
            const dialog = open({ members: people, canManage: true, canChangeRoles: true, myRole: "owner" })
            compare(findChild(dialog.contentItem, "groupName").text, "Design team")
            compare(findChild(dialog.contentItem, "groupDescription").text, "Sidebar, theme and icons.")
            verify(!findChild(dialog.contentItem, "groupName").readOnly)
            verify(findChild(dialog.contentItem, "addMemberField").visible)
            compare(findChild(dialog.contentItem, "groupMembersTitle").text, "Members · 3")
            const list = rows(dialog)
            compare(list.length, 3)
            compare(findChild(list[0], "roleLabel").text, "Owner")
            compare(findChild(list[1], "roleLabel").text, "Admin")
            verify(!findChild(list[2], "roleChip").visible)
            verify(!findChild(list[0], "groupMemberMenuButton").visible) // me
            verify(findChild(list[1], "groupMemberMenuButton").visible)
        }

        function test_memberOnlyReadsAndMutes() {
            const dialog = open({ members: asMember, canManage: false, canChangeRoles: false, myRole: "member",
                                  description: "" })
            verify(findChild(dialog.contentItem, "groupName").readOnly)
            verify(findChild(dialog.contentItem, "groupDescription").readOnly)
            verify(!findChild(dialog.contentItem, "groupSave").visible)
            verify(!findChild(dialog.contentItem, "addMemberField").visible)
            for (const row of rows(dialog))
                verify(!findChild(row, "groupMemberMenuButton").visible)
            // Notification levels replace the mute switch; the choice waits for the server's word.
            const levels = spy(dialog, "notifyLevelRequested")
            verify(findChild(dialog.contentItem, "notifyAll").checked)
            mouseClick(findChild(dialog.contentItem, "notifyMentions"))
            compare(levels.count, 1)
            compare(levels.signalArguments[0][0], "mentions")
            verify(!findChild(dialog.contentItem, "notifyMentions").checked)
            verify(findChild(dialog.contentItem, "notifyAll").checked)
            dialog.notifyLevel = "mentions"
            verify(findChild(dialog.contentItem, "notifyMentions").checked)
            mouseClick(findChild(dialog.contentItem, "notifyNothing"))
            compare(levels.signalArguments[1][0], "nothing")
        }

        function test_whoPinsIsTheOwnersSwitch() {
            const member = open({ members: people, myRole: "member" })
            verify(!findChild(member.contentItem, "groupMembersPin").visible)
            member.close()
            const dialog = open({ members: people, canManage: true, canChangeRoles: true, myRole: "owner",
                                  canChangePinRights: true, membersPin: false })
            const row = findChild(dialog.contentItem, "groupMembersPin")
            verify(row.visible)
            const toggle = findChild(dialog.contentItem, "groupMembersPinSwitch")
            compare(toggle.Accessible.name, "Everyone can pin messages")
            verify(!toggle.checked)
            const asked = spy(dialog, "membersPinRequested")
            toggle.forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(asked.count, 1)
            compare(asked.signalArguments[0][0], true)
        }

        function test_renameAndDescribe() {
            const dialog = open({ members: people, canManage: true, canChangeRoles: true, myRole: "owner" })
            const saves = spy(dialog, "saveRequested")
            const save = findChild(dialog.contentItem, "groupSave")
            verify(!save.enabled) // nothing changed yet
            const name = findChild(dialog.contentItem, "groupName")
            name.selectAll()
            name.forceActiveFocus()
            keyClick(Qt.Key_Backspace)
            verify(!save.enabled) // a name is required
            type("Launch team")
            verify(save.enabled)
            // A rename from elsewhere arrives while the field has focus: what the user typed stays.
            dialog.title = "Someone else's name"
            compare(name.text, "Launch team")
            findChild(dialog.contentItem, "groupDescription").text = "Everything about 2.0\n결정은 문서에"
            mouseClick(save)
            compare(saves.count, 1)
            compare(saves.signalArguments[0][0], "Launch team")
            compare(saves.signalArguments[0][1], "Everything about 2.0\n결정은 문서에")
            // Once saved, the name follows the server again.
            dialog.title = "Launch team"
            compare(name.text, "Launch team")
        }

        // The dialog opened before the group's details arrived: the name field, focused but not
        // edited, takes them when they come.
        function test_detailsArrivingAfterOpening() {
            const dialog = open({ members: people, canManage: true, canChangeRoles: true, myRole: "owner",
                                  title: "", description: "" })
            const name = findChild(dialog.contentItem, "groupName")
            verify(name.activeFocus)
            compare(name.text, "")
            dialog.title = "Design team"
            dialog.description = "Sidebar, theme and icons."
            compare(name.text, "Design team")
            compare(findChild(dialog.contentItem, "groupDescription").text, "Sidebar, theme and icons.")
        }

        function test_addMemberByUsername() {
            const dialog = open({ members: people, canManage: true, canChangeRoles: true, myRole: "owner" })
            const adds = spy(dialog, "addMemberRequested")
            const field = findChild(dialog.contentItem, "addMemberField")
            field.forceActiveFocus()
            type("sora")
            keyClick(Qt.Key_Return)
            compare(adds.count, 1)
            compare(adds.signalArguments[0][0], "sora")
            compare(field.text, "")
            dialog.error = "sora could not be added: there is no user named sora"
            verify(findChild(dialog.contentItem, "groupError").visible)
        }

        function test_memberMenuRolesAndRemove() {
            const dialog = open({ members: people, canManage: true, canChangeRoles: true, myRole: "owner" })
            const roles = spy(dialog, "roleRequested")
            const removes = spy(dialog, "removeRequested")
            const flick = findChild(dialog.contentItem, "groupSettingsScroll").contentItem
            flick.contentY = Math.max(0, flick.contentHeight - flick.height)
            const hana = rows(dialog)[2]
            const menu = findChild(hana, "groupMemberMenu")
            mouseClick(findChild(hana, "groupMemberMenuButton"))
            tryCompare(menu, "opened", true)
            const byName = name => menuItem(menu, name)
            verify(byName("makeAdminItem").visible)
            verify(!byName("makeMemberItem").visible)
            verify(byName("removeMemberItem").visible)
            byName("makeAdminItem").triggered() // what a click or Enter on it does
            compare(roles.count, 1)
            compare(roles.signalArguments[0][0], "u3")
            compare(roles.signalArguments[0][1], "admin")
            mouseClick(findChild(hana, "groupMemberMenuButton"))
            tryCompare(menu, "opened", true)
            byName("removeMemberItem").triggered()
            compare(removes.count, 1)
            compare(removes.signalArguments[0][0], "u3")
            // Joon is an admin: the owner may take the role back.
            const joon = rows(dialog)[1]
            const joonMenu = findChild(joon, "groupMemberMenu")
            mouseClick(findChild(joon, "groupMemberMenuButton"))
            tryCompare(joonMenu, "opened", true)
            const back = menuItem(joonMenu, "makeMemberItem")
            verify(back.visible)
            back.triggered()
            compare(roles.signalArguments[1][1], "member")
        }

        function test_leaveAsksFirst() {
            const dialog = open({ members: people, canManage: true, canChangeRoles: true, myRole: "owner" })
            const leaves = spy(dialog, "leaveRequested")
            mouseClick(findChild(dialog.contentItem, "leaveButton"))
            compare(leaves.count, 0)
            verify(findChild(dialog.contentItem, "leaveConfirmText").visible)
            verify(findChild(dialog.contentItem, "leaveConfirmText").text.indexOf("owner") > 0)
            mouseClick(findChild(dialog.contentItem, "leaveCancel"))
            compare(leaves.count, 0)
            verify(findChild(dialog.contentItem, "leaveButton").visible)
            mouseClick(findChild(dialog.contentItem, "leaveButton"))
            mouseClick(findChild(dialog.contentItem, "leaveConfirm"))
            compare(leaves.count, 1)
        }

        function test_escapeCloses() {
            const dialog = open({ members: people, canManage: true, canChangeRoles: true, myRole: "owner" })
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
        }
    }
}
