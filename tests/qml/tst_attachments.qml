import QtQuick
import QtTest
import Confab.Client
import Confab.UI

// The attachment components alone: composer tray chips, image thumbnails, file cards, and the
// message delegate that lays them out.
Item {
    id: root
    width: 800
    height: 600

    // A 2×1 PNG, as the server's tiny previews are.
    readonly property string tinyPng: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGPQz3/7YEEUAAs6A2Yt61eqAAAAAElFTkSuQmCC"

    Component { id: chip; AttachmentChip {} }
    Component { id: card; FileCard {} }
    Component { id: image; ImageAttachment {} }
    Component { id: viewerComponent; ImageViewer {} }
    Component { id: composerComponent; Composer { width: root.width } }
    Component {
        id: delegate
        MessageDelegate {
            width: root.width
            index: 0; messageId: "m1"; clientId: "c1"; seq: 7; senderId: "u2"; senderName: "Joon Lee"
            body: ""; timeText: "10:41"; edited: false; deleted: false; own: false
            status: MessageListModel.Sent; readCount: 0; firstInGroup: true; lastInGroup: true
            dayStart: false; dayText: ""; errorText: ""; avatarColor: "#1D4ED8"; initials: "JL"
            reactions: []; replyTo: ({}); streamState: ""; replyCount: 0; mentions: []; mentionsMe: false
            system: false; systemText: ""; senderBot: false; forwarded: false; senderBlocked: false; collapsed: false
        }
    }

    function fileEntry(overrides) {
        const a = { id: "a_1", name: "report.pdf", size: 482113, sizeText: "482.1 KB", mime: "application/pdf",
                    image: false, width: 0, height: 0, preview: "", thumbnailUrl: "", fileUrl: "",
                    progress: -1, state: "ready", error: "" }
        for (const key in overrides)
            a[key] = overrides[key]
        return a
    }

    TestCase {
        name: "Attachments"
        when: windowShown

        function test_chipRemoveAndProgress() {
            const c = createTemporaryObject(chip, root, { name: "notes.txt", sizeText: "12 KB", mime: "text/plain" })
            let removed = 0
            c.removeRequested.connect(() => ++removed)
            const ring = findChild(c, "chipProgress")
            verify(!ring.visible)
            c.progress = 0.5
            verify(ring.visible)
            compare(ring.value, 0.5)
            c.progress = 1
            verify(!ring.visible)
            mouseClick(findChild(c, "removeAttachment"))
            compare(removed, 1)
            compare(c.Accessible.name, "notes.txt, 12 KB")
            c.error = "notes.txt is larger than 10 MB"
            compare(c.Accessible.name, "notes.txt is larger than 10 MB")
            verify(c.implicitWidth <= 240)
        }

        function test_fileCardStates_data() {
            return [
                { tag: "ready", state: "ready", progress: -1, detail: "482.1 KB", button: true, bar: false },
                { tag: "uploading", state: "uploading", progress: 0.25, detail: "Uploading… 25%", button: false, bar: true },
                { tag: "downloading", state: "downloading", progress: 0.5, detail: "Downloading… 50%", button: false, bar: true },
                { tag: "saved", state: "saved", progress: -1, detail: "482.1 KB · Saved", button: true, bar: false },
                { tag: "failed", state: "failed", progress: -1, detail: "gone", button: true, bar: false },
            ]
        }
        function test_fileCardStates(data) {
            const c = createTemporaryObject(card, root, { attachment: fileEntry({ state: data.state, progress: data.progress,
                                                                                  error: data.state === "failed" ? "gone" : "" }) })
            compare(findChild(c, "fileName").text, "report.pdf")
            compare(findChild(c, "fileDetail").text, data.detail)
            compare(findChild(c, "saveButton").visible, data.button)
            const bar = findChild(c, "fileProgress")
            compare(bar.visible, data.bar)
            if (data.bar)
                fuzzyCompare(bar.width, (c.width - 2) * data.progress, 1)
        }

        function test_fileCardSave() {
            const c = createTemporaryObject(card, root, { attachment: fileEntry({}) })
            let saved = 0
            c.saveRequested.connect(() => ++saved)
            const button = findChild(c, "saveButton")
            compare(button.Accessible.name, "Save report.pdf to Downloads")
            mouseClick(button)
            compare(saved, 1)
        }

        function test_imageLaidOutFromItsSize_data() {
            return [
                { tag: "landscape", w: 1280, h: 800, ew: 320, eh: 200 },
                { tag: "portrait", w: 600, h: 1200, ew: 160, eh: 320 },
                { tag: "small", w: 100, h: 60, ew: 100, eh: 60 },
                { tag: "unknown", w: 0, h: 0, ew: 240, eh: 180 },
            ]
        }
        function test_imageLaidOutFromItsSize(data) {
            const i = createTemporaryObject(image, root, { attachment: fileEntry({ image: true, mime: "image/png",
                                                                                   width: data.w, height: data.h,
                                                                                   preview: root.tinyPng }) })
            compare(i.implicitWidth, data.ew)
            compare(i.implicitHeight, data.eh)
            // No thumbnail yet: the tiny preview stands in.
            const preview = findChild(i, "imagePreview")
            verify(preview.visible)
            tryCompare(preview, "status", Image.Ready)
        }

        function test_viewerShowsSmallImagesAtMostTwice_data() {
            return [
                { tag: "small", w: 120, h: 80, ew: 240, eh: 160 },
                { tag: "large", w: 4000, h: 2000, ew: 0, eh: 0 },
            ]
        }
        function test_viewerShowsSmallImagesAtMostTwice(data) {
            const viewer = createTemporaryObject(viewerComponent, root, {
                attachment: fileEntry({ image: true, mime: "image/png", width: data.w, height: data.h }) })
            viewer.open()
            tryVerify(() => viewer.opened)
            const frame = findChild(viewer.contentItem, "imageFrame")
            verify(frame)
            if (data.tag === "small") {
                compare(frame.width, data.ew)
                compare(frame.height, data.eh)
            } else {
                // Fits the window with its margins, keeping its shape.
                verify(frame.width <= viewer.width - 2 * Theme.spacingXl * 2)
                verify(frame.height <= viewer.height - 2 * Theme.spacingXl * 2)
                fuzzyCompare(frame.width / frame.height, 2, 0.01)
            }
            viewer.close()
        }

        function test_imageOpensAndShowsProgress() {
            const i = createTemporaryObject(image, root, { attachment: fileEntry({ image: true, mime: "image/png",
                                                                                   width: 400, height: 300,
                                                                                   state: "uploading", progress: 0.4 }) })
            const ring = findChild(i, "imageProgress")
            verify(ring.visible)
            compare(ring.value, 0.4)
            let opened = 0
            i.openRequested.connect(() => ++opened)
            mouseClick(i)
            compare(opened, 1)
            verify(i.Accessible.name.indexOf("report.pdf") >= 0)
        }

        function test_delegateShowsImageAndCard() {
            const item = createTemporaryObject(delegate, root, {
                attachments: [fileEntry({ id: "a_img", name: "sketch.png", image: true, mime: "image/png",
                                          width: 800, height: 600, preview: root.tinyPng }),
                              fileEntry({ id: "a_pdf" })] })
            verify(item)
            const list = findChild(item, "attachmentList")
            verify(list.visible)
            const img = findChild(item, "imageAttachment")
            const fileCard = findChild(item, "fileCard")
            verify(img && fileCard)
            compare(img.width, 320)
            compare(img.height, 240)
            // A message of files only shows no empty text line, and the bubble holds them.
            verify(!findChild(item, "bodyText").visible)
            const bubble = findChild(item, "bubble")
            verify(bubble.width >= 320)
            verify(bubble.height >= 240 + fileCard.height)
            let savedId = ""
            item.saveAttachmentRequested.connect(id => savedId = id)
            mouseClick(findChild(fileCard, "saveButton"))
            compare(savedId, "a_pdf")
            let opened = null
            item.openAttachmentRequested.connect(a => opened = a)
            mouseClick(img)
            compare(opened.id, "a_img")
        }

        function test_delegateWithTextAndFile() {
            const item = createTemporaryObject(delegate, root, { body: "see attached", attachments: [fileEntry({})] })
            const body = findChild(item, "bodyText")
            verify(body.visible)
            const fileCard = findChild(item, "fileCard")
            verify(body.y >= fileCard.height)
        }

        function test_composerTray() {
            const c = createTemporaryObject(composerComponent, root, { maxAttachments: 3 })
            const sent = []
            c.sendRequested.connect((text, files) => sent.push({ text: text, files: files }))
            const oneLine = c.implicitHeight
            verify(!findChild(c, "attachmentTray").visible)
            verify(!findChild(c, "sendButton").enabled)
            c.addFiles(["file:///tmp/a.txt", "file:///tmp/b%20c.pdf"])
            compare(c.attachments.count, 2)
            compare(c.attachments.get(1).name, "b c.pdf")
            verify(findChild(c, "attachmentTray").visible)
            verify(c.implicitHeight > oneLine)
            // Files alone may be sent.
            verify(findChild(c, "sendButton").enabled)
            // The same file twice is one chip; no more than maxAttachments.
            c.addFiles(["file:///tmp/a.txt", "file:///tmp/d.txt", "file:///tmp/e.txt"])
            compare(c.attachments.count, 3)
            verify(!findChild(c, "attachButton").enabled)
            // The chips were made again for the new list: click one that is shown.
            const chips = Array.from(findChild(c, "attachmentTray").children).filter(x => x.objectName === "attachmentChip")
            tryVerify(() => chips.length === 3 && chips[0].visible)
            waitForRendering(c)
            mouseClick(findChild(chips[0], "removeAttachment"))
            compare(c.attachments.count, 2)
            compare(c.attachments.get(0).name, "b c.pdf")
            verify(c.send())
            compare(sent.length, 1)
            compare(sent[0].text, "")
            compare(sent[0].files, ["file:///tmp/b%20c.pdf", "file:///tmp/d.txt"])
            compare(c.attachments.count, 0)
            compare(c.implicitHeight, oneLine)
        }

        function test_composerPastesAnImage() {
            let asked = 0
            const c = createTemporaryObject(composerComponent, root, {
                imagePaster: () => { ++asked; return "/tmp/pasted.png" },
                describe: path => ({ path: path, url: "file://" + path, name: "pasted.png", sizeText: "1 KB",
                                     mime: "image/png", image: false, error: "" }) })
            c.focusField()
            tryVerify(() => findChild(c, "composerField").activeFocus)
            keySequence(StandardKey.Paste)
            compare(asked, 1)
            compare(c.attachments.count, 1)
            compare(c.attachments.get(0).name, "pasted.png")
            compare(c.text, "")
        }

        function test_composerAttachButtonIsAccessible() {
            const c = createTemporaryObject(composerComponent, root)
            compare(findChild(c, "attachButton").Accessible.name, "Attach files")
        }
    }
}
