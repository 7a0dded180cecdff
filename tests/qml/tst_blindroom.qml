import QtQuick
import QtTest
import Confab.UI

// Blind rooms from the app, the UI side: the "Blind room" page of the new-conversation dialog
// (members by username, each in A, B or none, the even split, who sees whose name and when, the
// invite switch, the explanation) hands one setup to its signal; the settings dialog lets the
// owner move members between groups and change or cancel the reveal, and shows others the state.
Item {
    id: root
    width: 900
    height: 900

    ListModel {
        id: roomMembers
        ListElement { memberId: "a_1"; name: "Quiet Otter"; username: ""; roleName: "owner"; avatarColor: "#1D4ED8"
                      initials: "QO"; isMe: true; alias: true; removable: false; roleChangeable: false; group: "A" }
        ListElement { memberId: "a_2"; name: "Brave Heron"; username: ""; roleName: "member"; avatarColor: "#B91C1C"
                      initials: "BH"; isMe: false; alias: true; removable: true; roleChangeable: true; group: "B" }
        ListElement { memberId: "a_3"; name: "Calm Panda"; username: ""; roleName: "member"; avatarColor: "#15803D"
                      initials: "CP"; isMe: false; alias: true; removable: true; roleChangeable: true; group: "" }
    }

    Component {
        id: newDialogComponent
        NewConversationDialog {}
    }
    Component {
        id: settingsComponent
        GroupSettingsDialog { title: "Friday matching"; kind: "blind" }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "BlindRoom"
        when: windowShown

        function spy(target, signalName) {
            return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
        }
        function find(item, name) {
            if (!item)
                return null
            if (item.objectName === name)
                return item
            const kids = item.children !== undefined ? item.children : []
            for (let i = 0; i < kids.length; ++i) {
                const found = find(kids[i], name)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item) {
                const inContent = find(item.contentItem, name)
                if (inContent)
                    return inContent
            }
            return null
        }
        function findAll(item, name, out) {
            if (!item)
                return out
            if (item.objectName === name)
                out.push(item)
            const kids = item.children !== undefined ? item.children : []
            for (let i = 0; i < kids.length; ++i)
                findAll(kids[i], name, out)
            return out
        }
        //! Scrolls the settings dialog so that `item` is in view (the dialog is taller than the window).
        function scrollTo(dialog, item) {
            const flick = find(dialog.contentItem, "groupSettingsScroll").contentItem
            const y = item.mapToItem(flick.contentItem, 0, 0).y
            flick.contentY = Math.max(0, Math.min(y - 20, flick.contentHeight - flick.height))
            wait(0)
        }
        function type(field, text) {
            field.forceActiveFocus()
            for (const c of text)
                keyClick(c)
        }
        function openBlindPage() {
            const dialog = createTemporaryObject(newDialogComponent, root)
            dialog.open()
            tryCompare(dialog, "opened", true)
            const tabs = findAll(dialog.contentItem, "newConversationTab", [])
            compare(tabs.length, 4)
            mouseClick(tabs[2])
            tryCompare(dialog, "isBlind", true)
            return dialog
        }

        function test_createWithGroupsAndASchedule() {
            const dialog = openBlindPage()
            const form = find(dialog.contentItem, "newBlindForm")
            verify(form)
            const start = find(dialog.contentItem, "newConversationStart")
            compare(start.enabled, false) // no title yet
            type(find(form, "blindTitle"), "Friday matching")
            compare(start.enabled, true)
            type(find(form, "blindMemberField"), "Joon, @sora hana")
            keyClick(Qt.Key_Return)
            compare(form.members.count, 3)
            compare(form.members.get(0).username, "joon")
            compare(form.members.get(1).username, "sora")

            // Me in A, Joon in B by hand; the rest split evenly.
            const myPick = find(find(form, "blindMyGroup"), "groupPickA")
            tryVerify(() => form.width > 700 && myPick.mapToItem(form, 0, 0).x > 150)
            mouseClick(myPick)
            compare(form.myGroup, "A")
            const rows = findAll(form, "blindMemberRow", [])
            compare(rows.length, 3)
            mouseClick(find(rows[0], "groupPickB"))
            compare(form.members.get(0).group, "B")
            mouseClick(find(form, "blindBalance"))
            let a = form.myGroup === "A" ? 1 : 0, b = 0
            for (let i = 0; i < form.members.count; ++i) {
                a += form.members.get(i).group === "A" ? 1 : 0
                b += form.members.get(i).group === "B" ? 1 : 0
            }
            compare(a, 2)
            compare(b, 2)
            // And back to none for Hana (once the balanced rows are laid out again).
            waitForRendering(form)
            const none = find(rows[2], "groupPickNone")
            tryVerify(() => none.visible && none.width > 0)
            mouseClick(none)
            compare(form.members.get(2).group, "")

            // Everyone at a set time: a time in the past keeps the button off.
            const policy = find(form, "blindPolicy")
            mouseClick(find(policy, "revealPolicy_scheduled"))
            compare(policy.policy, "scheduled")
            const date = find(policy, "revealDate"), time = find(policy, "revealTime")
            date.text = "2001-01-01"
            time.text = "18:00"
            compare(policy.valid, false)
            compare(start.enabled, false)
            const later = new Date(Date.now() + 3 * 86400000)
            date.text = Qt.formatDate(later, "yyyy-MM-dd")
            time.text = "18:30"
            compare(policy.valid, true)
            compare(start.enabled, true)
            const explanation = find(form, "blindExplanation")
            verify(explanation.children[0].text.indexOf("alias") >= 0)
            verify(explanation.children[0].text.indexOf("18:30") >= 0)

            const asked = spy(dialog, "blindRequested")
            mouseClick(start)
            compare(asked.count, 1)
            const setup = asked.signalArguments[0][0]
            compare(setup.title, "Friday matching")
            compare(setup.reveal, "scheduled")
            compare(setup.myGroup, "A")
            compare(setup.members.length, 3)
            compare(setup.members[0].username, "joon")
            compare(setup.members[0].group, "B")
            compare(setup.members[2].group, "")
            const at = new Date(setup.revealAt)
            compare(at.getHours(), 18)
            compare(at.getMinutes(), 30)
            compare(setup.membersInvite, false)
            compare(dialog.waiting, true)
        }

        function test_takeSomeoneOutAndNoGroups() {
            const dialog = openBlindPage()
            const form = find(dialog.contentItem, "newBlindForm")
            type(find(form, "blindTitle"), "Open room")
            type(find(form, "blindMemberField"), "joon sora")
            mouseClick(find(form, "blindAddMember"))
            compare(form.members.count, 2)
            // The new rows are laid out (out to the form's right edge) before they are clicked.
            const rm = findAll(form, "blindRemoveMember", [])[0]
            tryVerify(() => form.width > 700 && rm.mapToItem(form, 0, 0).x > 200)
            mouseClick(rm)
            compare(form.members.count, 1)
            mouseClick(find(find(form, "blindPolicy"), "revealPolicy_off"))
            mouseClick(find(find(form, "blindInvite"), "blindInviteSwitch"))
            const asked = spy(dialog, "blindRequested")
            mouseClick(find(dialog.contentItem, "newConversationStart"))
            compare(asked.count, 1)
            const setup = asked.signalArguments[0][0]
            compare(setup.members.length, 1)
            compare(setup.members[0].username, "sora")
            compare(setup.members[0].group, "")
            compare(setup.reveal, "off")
            compare(setup.membersInvite, true)
            // A refusal keeps what was typed and says why.
            dialog.failed("No user named sora")
            compare(find(dialog.contentItem, "newBlindError").text, "No user named sora")
            compare(form.members.count, 1)
        }

        function test_ownerMovesMembersAndSchedules() {
            const at = new Date(Date.now() + 2 * 86400000)
            at.setHours(18, 0, 0, 0)
            const dialog = createTemporaryObject(settingsComponent, root, {
                members: roomMembers, canManage: true, canChangeRoles: true, myRole: "owner",
                revealPolicy: "scheduled", revealAt: at })
            dialog.show()
            tryCompare(dialog, "opened", true)
            const state = find(dialog.contentItem, "blindRevealState")
            verify(state.text.indexOf("18:00") >= 0)
            const pickers = findAll(dialog.contentItem, "memberGroupPicker", [])
            compare(pickers.length, 3)
            compare(pickers[1].visible, true)
            const moved = spy(dialog, "groupRequested")
            scrollTo(dialog, pickers[1])
            mouseClick(find(pickers[1], "groupPickA"))
            compare(moved.count, 1)
            compare(moved.signalArguments[0][0], "a_2")
            compare(moved.signalArguments[0][1], "A")
            // The picker waits for the server: still B until the model says otherwise.
            compare(find(pickers[1], "groupPickB").checked, true)
            scrollTo(dialog, pickers[2])
            mouseClick(find(pickers[2], "groupPickB"))
            compare(moved.signalArguments[1][0], "a_3")
            compare(moved.signalArguments[1][1], "B")

            const policy = spy(dialog, "policyRequested")
            const cancel = find(dialog.contentItem, "cancelRevealButton")
            compare(cancel.visible, true)
            scrollTo(dialog, cancel)
            mouseClick(cancel)
            compare(policy.count, 1)
            compare(policy.signalArguments[0][0], "mutual")
            compare(policy.signalArguments[0][1], null)
            // Moving the time: a new hour, then Apply.
            const picker = find(dialog.contentItem, "settingsRevealPolicy")
            find(picker, "revealTime").text = "21:15"
            const apply = find(dialog.contentItem, "applyPolicyButton")
            compare(apply.enabled, true)
            scrollTo(dialog, apply)
            mouseClick(apply)
            compare(policy.count, 2)
            compare(policy.signalArguments[1][0], "scheduled")
            compare(policy.signalArguments[1][1].getHours(), 21)
            compare(policy.signalArguments[1][1].getMinutes(), 15)
        }

        function test_membersSeeTheStateOnly() {
            const dialog = createTemporaryObject(settingsComponent, root, {
                members: roomMembers, canManage: false, canChangeRoles: false, myRole: "member",
                revealPolicy: "mutual", revealedAt: new Date(2026, 11, 11, 18, 0) })
            dialog.show()
            tryCompare(dialog, "opened", true)
            const pickers = findAll(dialog.contentItem, "memberGroupPicker", [])
            for (const p of pickers)
                compare(p.visible, false)
            compare(find(dialog.contentItem, "applyPolicyButton").visible, false)
            verify(find(dialog.contentItem, "blindRevealState").text.indexOf("18:00") >= 0)
        }
    }
}
