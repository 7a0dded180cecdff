#!/usr/bin/env bash
# Renders the desktop app against a demo server and saves PNGs into OUTDIR:
#   signin.png     the sign-in page
#   main-light.png conversation list + the "Design team" timeline, light theme, with Joon typing,
#                  Joon online and Hana away (presence dots), read receipts on Mina's messages,
#                  reactions, Joon's reply quoting Mina's message and her edited message, Sora's
#                  formatted notes (bold, italic, a list, a code block with its Copy button, a quote),
#                  and the pinned bar under the header (two pins: Mina's, the newest, shown) with
#                  the timeline's "pinned a message" lines
#   main-dark.png  the same, dark theme
#   main-ko.png    the same, Korean UI
#   stream-light.png, stream-dark.png, stream-ko.png
#                  "Launch checklist" while Sora's summary streams in: the message grows in place,
#                  with a caret and "writing…"
#   main-blind.png the blind room "Matching: Friday" (aliases, A/B groups) with the members panel:
#                  Joon, who revealed his name to Mina, under his name with his alias beside it,
#                  and Dami's open offer to reveal to the room; the lines of the reveals name aliases
#   main-blind-ko.png the same with the Korean UI: the aliases in Korean
#   group-light.png, group-dark.png, group-ko.png
#                  the settings of "Design team" as its owner sees them: name, description, notification level,
#                  members with their roles (Joon is an admin) and leaving
#   blindnew-light.png, blindnew-dark.png, blindnew-ko.png
#                  the new-conversation dialog on "Blind room", filled in: members in groups A and B,
#                  the names shown on Friday at six, and what the others will and will not see
#   matching-light.png, matching-dark.png, matching-ko.png
#                  the new-conversation dialog on "Matching", filled in: twelve people, six in A and
#                  six in B, rooms of four, the preview ("3 rooms, 4 people each") and the explanation
#   blindgroups-light.png, blindgroups-dark.png, blindgroups-ko.png
#                  the settings of "Matching: Friday" as its owner Sora sees them: when names are
#                  shown, and each member's group to change
#   blindreveal-light.png, blindreveal-dark.png, blindreveal-ko.png
#                  "Coffee roulette" after its scheduled reveal, as Joon sees it: the "Names revealed"
#                  line in the timeline and everyone's name in the members panel
#   thread-light.png, thread-dark.png, thread-ko.png
#                  "Design team" with the thread pane open on Mina's message and Joon's reply
#   attachments-light.png, attachments-dark.png, attachments-ko.png
#                  "Launch checklist" with an inline image and a PDF file card, and above them
#                  the lines of its own events (two members added in one line, a role changed)
#   search-light.png, search-dark.png, search-ko.png
#                  the search panel beside "Design team" with hits across conversations, the
#                  matching parts highlighted ("review"; Korean: "모드")
#   mention-light.png, mention-dark.png, mention-ko.png
#                  "Design team" with the `@` autocomplete open over the composer, and Sora's message
#                  mentioning Mina (the app's user, highlighted more) and Joon
#   mentions-light.png, mentions-ko.png  the "Mentions" view: every message that mentions Mina
#   forward-light.png, forward-dark.png, forward-ko.png
#                  "Design team" with the forward picker open on its newest message: the message as
#                  a quote, the filter field, Mina's other conversations with one picked
#   pill-light.png, pill-dark.png, pill-ko.png
#                  "Design team" scrolled up to its oldest messages while Joon and Sora write: the
#                  "↓ 2 new" pill instead of a jump to the end
#   forwarded-light.png "Design team" as Joon sees it: the checklist he forwarded says "Forwarded"
#   settings-light.png / settings-dark.png / settings-ko.png  the settings page (account, notifications,
#                  privacy sections)
#   export-light.png, export-dark.png, export-ko.png
#                  Settings → privacy after "Export my data": the archive of Mina's data ready, its
#                  size, until when the server keeps it, and "Save…"
#   card-light.png, card-dark.png, card-ko.png
#                  "Design team" with Joon's profile card open (from his name): name, @username,
#                  presence, Message and Block
#   blocked-light.png, blocked-dark.png, blocked-ko.png
#                  "Design team" after Mina blocked Sora: Sora's messages collapsed to "Message from
#                  a blocked user" with "Show"
#   blockedlist-light.png "Settings → Privacy" after Mina blocked Sora: the blocked people with Unblock
#   avatar-light.png, avatar-dark.png, avatar-ko.png
#                  Settings → account with Mina's picture (preview, Change and Remove), over "Design
#                  team" where Mina, Joon and Sora show their pictures instead of initials
#   avatarmain-light.png "Design team" with pictures in the conversation list, the timeline and the
#                  members panel; the blind room "Matching: Friday" in the list keeps its mask
#   people-light.png, people-dark.png, people-ko.png
#                  the new-conversation dialog with "jo" typed as the username: the people the
#                  server's directory suggests under the field
#   deleteaccount-light.png, deleteaccount-dark.png, deleteaccount-ko.png
#                  Settings → Account with the "Delete your account?" dialog: password and username to confirm
#   notification.png the whole screen after two new messages arrived in conversations not in view:
#                  the desktop notifications the app sent over D-Bus, drawn top right by a real
#                  notification server (dunst; its look is the desktop's, the words are the app's)
# Usage: scripts/screenshots.sh OUTDIR
# Builds the debug preset first; CONFAB_BUILD_DIR=<dir> uses an existing build instead.
# CONFAB_SHOTS=<glob> renders only the pictures whose name matches (e.g. 'stream-*').
# Runs headless: xvfb-run inside dbus-run-session, with a scratch HOME and an unlocked keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

[[ $# -eq 1 ]] || { sed -n '2,81p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)

if [[ -n ${CONFAB_BUILD_DIR:-} ]]; then
    build=$CONFAB_BUILD_DIR
else
    confab_ensure_packages
    confab_build debug
    build=build/debug
fi
server_bin=$build/server/confab-server
client_bin=$build/client/confab
seed_bin=$build/client/app/confab-demo-seed
for bin in "$server_bin" "$client_bin" "$seed_bin"; do
    [[ -x $bin ]] || { confab_log "missing $bin: build first"; exit 1; }
done

scratch=$(mktemp -d /tmp/confab-shots.XXXXXX)
server_pid=
server_url=
helper_pids=()
# Stops the demo users started for one picture (typing, presence).
stop_helpers() {
    local pid
    for pid in "${helper_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    helper_pids=()
}
stop_server() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
}
cleanup() {
    stop_helpers
    stop_server
    rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts the server on a free port with the data in $scratch/data; sets server_url.
start_server() {
    : >"$scratch/server.out"
    "$server_bin" serve --listen 127.0.0.1:0 --data "$scratch/data" >"$scratch/server.out" 2>"$scratch/server.log" &
    server_pid=$!
    for _ in $(seq 100); do
        server_url=$(sed -n 's/.*listening on \(ws:\/\/[^ ]*\).*/\1/p' "$scratch/server.out" | head -n1)
        [[ -n $server_url ]] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    confab_log "the server did not start:"; cat "$scratch/server.log" >&2
    return 1
}

confab_log "seeding demo data"
mkdir -p "$scratch/data"
start_server
"$seed_bin" yesterday "$server_url"
stop_server
"$server_bin" demo backdate --data "$scratch/data" >/dev/null
start_server
"$seed_bin" today "$server_url"
stop_server
cp -a "$scratch/data" "$scratch/seeded"

# Runs on the virtual display, inside the session bus: with SHOT_DUNSTRC set, first a notification
# server (dunst), registered before the app looks for one; then the command.
cat >"$scratch/on-display.sh" <<'ONDISPLAY'
#!/bin/sh
if [ -n "${SHOT_DUNSTRC:-}" ]; then
    dunst -config "$SHOT_DUNSTRC" >/dev/null 2>&1 &
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
            string:org.freedesktop.Notifications 2>/dev/null | grep -q true && break
        sleep 0.3
    done
fi
exec "$@"
ONDISPLAY
chmod +x "$scratch/on-display.sh"

# shot NAME [app options…]: a fresh server (from the seeded copy) and a fresh HOME for each picture,
# so that reading in one picture does not change the next. With SHOT_TYPING="user|title" that user
# keeps typing there; with SHOT_ONLINE="user[:away] …" those users are signed in meanwhile.
shot() {
    local name=$1
    shift
    # shellcheck disable=SC2053 # a glob on purpose
    [[ -z ${CONFAB_SHOTS:-} || $name == $CONFAB_SHOTS ]] || return 0
    rm -rf "$scratch/data" "$scratch/home"
    cp -a "$scratch/seeded" "$scratch/data"
    mkdir -p "$scratch/home/run" "$scratch/home/cache" "$scratch/home/config" "$scratch/home/share"
    chmod 700 "$scratch/home/run"
    start_server
    if [[ -n ${SHOT_AVATARS:-} ]]; then
        # "user …": these users get a picture first (confab-demo-seed avatars).
        # shellcheck disable=SC2086 # a list of users
        "$seed_bin" avatars "$server_url" $SHOT_AVATARS >>"$scratch/helpers.log" 2>&1
    fi
    if [[ -n ${SHOT_ONLINE:-} ]]; then
        # shellcheck disable=SC2086 # a list of users
        "$seed_bin" online "$server_url" 90 $SHOT_ONLINE >>"$scratch/helpers.log" 2>&1 &
        helper_pids+=($!)
    fi
    if [[ -n ${SHOT_SAY:-} ]]; then
        # "user|title|delay|text" entries separated by ";": live messages while the picture is set up.
        local entry
        IFS=';' read -ra entries <<<"$SHOT_SAY"
        for entry in "${entries[@]}"; do
            IFS='|' read -r who title delay text <<<"$entry"
            "$seed_bin" say "$server_url" "$who" "$title" "$delay" "$text" >>"$scratch/helpers.log" 2>&1 &
            helper_pids+=($!)
        done
    fi
    if [[ -n ${SHOT_STREAM:-} ]]; then
        # "user|title|text": that user streams most of the text and holds the message open.
        IFS='|' read -r who title text <<<"$SHOT_STREAM"
        "$seed_bin" stream "$server_url" "$who" "$title" 90 "$text" >>"$scratch/helpers.log" 2>&1 &
        helper_pids+=($!)
    fi
    if [[ -n ${SHOT_TYPING:-} ]]; then
        "$seed_bin" typing "$server_url" "${SHOT_TYPING%%|*}" "${SHOT_TYPING#*|}" 90 >>"$scratch/helpers.log" 2>&1 &
        helper_pids+=($!)
    fi
    confab_log "rendering $name.png"
    env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
        HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/home/run" XDG_CACHE_HOME="$scratch/home/cache" \
        XDG_CONFIG_HOME="$scratch/home/config" XDG_DATA_HOME="$scratch/home/share" \
        QT_QPA_PLATFORM=xcb LANG=C.UTF-8 \
        SHOT_DUNSTRC="${SHOT_DUNSTRC:-}" \
        timeout 90 dbus-run-session -- sh -c '
            printf %s throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
            exec xvfb-run -a -s "-screen 0 1280x800x24" "$@"' sh \
        "$scratch/on-display.sh" "$client_bin" --server "$server_url" --size 1280x800 --screenshot "$out/$name.png" "$@" \
        >"$scratch/client.log" 2>&1 || { cat "$scratch/client.log" >&2; stop_helpers; stop_server; return 1; }
    stop_helpers
    stop_server
    # QML warnings are bugs: show them.
    grep -E 'qrc:|QML|TypeError|ReferenceError' "$scratch/client.log" >&2 || true
    [[ -s $out/$name.png ]] || { confab_log "no $name.png"; cat "$scratch/client.log" >&2; return 1; }
}

signin=(--theme light --lang en --screenshot-delay 1200)
main=(--user mina --password confab-demo --open-conversation-title "Design team" --screenshot-delay 2500)
shot signin "${signin[@]}"
export SHOT_TYPING="joon|Design team" SHOT_ONLINE="sora hana:away"
shot main-light "${main[@]}" --theme light --lang en
shot main-dark "${main[@]}" --theme dark --lang en
shot main-ko "${main[@]}" --theme light --lang ko
export SHOT_STREAM="sora|Launch checklist|Summary for the release: the Debian package builds cleanly, the release notes are in the wiki, and the Korean strings were checked twice. Joon signs the packages on Friday."
stream=(--user mina --password confab-demo --open-conversation-title "Launch checklist" --screenshot-delay 3000)
shot stream-light "${stream[@]}" --theme light --lang en
shot stream-dark "${stream[@]}" --theme dark --lang en
shot stream-ko "${stream[@]}" --theme light --lang ko
unset SHOT_STREAM
export SHOT_TYPING="hana|Matching: Friday" SHOT_ONLINE="joon"
shot main-blind --user mina --password confab-demo --open-conversation-title "Matching: Friday" --show-members \
    --screenshot-delay 2500 --theme light --lang en
shot main-blind-ko --user mina --password confab-demo --open-conversation-title "Matching: Friday" --show-members \
    --screenshot-delay 2500 --theme light --lang ko
unset SHOT_TYPING SHOT_ONLINE
# The seed's image and PDF are the newest messages of "Launch checklist", read by everyone.
for variant in "light en" "dark en" "light ko"; do
    # shellcheck disable=SC2086 # "theme language", split on purpose
    set -- $variant
    suffix=$1; [[ $2 == ko ]] && suffix=ko
    shot "attachments-$suffix" --user mina --password confab-demo --open-conversation-title "Launch checklist" \
        --screenshot-delay 3000 --theme "$1" --lang "$2"
done

group=(--user mina --password confab-demo --open-conversation-title "Design team" --open-group-settings
       --screenshot-delay 2500)
shot group-light "${group[@]}" --theme light --lang en
shot group-dark "${group[@]}" --theme dark --lang en
shot group-ko "${group[@]}" --theme light --lang ko

blindnew=(--user mina --password confab-demo --open-conversation-title "Design team" --new-blind-room
          --screenshot-delay 2500)
shot blindnew-light "${blindnew[@]}" --theme light --lang en
shot blindnew-dark "${blindnew[@]}" --theme dark --lang en
shot blindnew-ko "${blindnew[@]}" --theme light --lang ko
matchnew=(--user mina --password confab-demo --open-conversation-title "Design team" --new-matching
          --screenshot-delay 2500)
shot matching-light "${matchnew[@]}" --theme light --lang en
shot matching-dark "${matchnew[@]}" --theme dark --lang en
shot matching-ko "${matchnew[@]}" --theme light --lang ko
blindgroups=(--user sora --password confab-demo --open-conversation-title "Matching: Friday" --open-group-settings
             --screenshot-delay 2500)
shot blindgroups-light "${blindgroups[@]}" --theme light --lang en
shot blindgroups-dark "${blindgroups[@]}" --theme dark --lang en
shot blindgroups-ko "${blindgroups[@]}" --theme light --lang ko
blindreveal=(--user joon --password confab-demo --open-conversation-title "Coffee roulette" --show-members
             --screenshot-delay 2500)
shot blindreveal-light "${blindreveal[@]}" --theme light --lang en
shot blindreveal-dark "${blindreveal[@]}" --theme dark --lang en
shot blindreveal-ko "${blindreveal[@]}" --theme light --lang ko

thread=(--user mina --password confab-demo --open-conversation-title "Design team" --open-thread
        --screenshot-delay 3000)
shot thread-light "${thread[@]}" --theme light --lang en
shot thread-dark "${thread[@]}" --theme dark --lang en
shot thread-ko "${thread[@]}" --theme light --lang ko

search=(--user mina --password confab-demo --open-conversation-title "Design team" --screenshot-delay 3000)
shot search-light "${search[@]}" --search review --theme light --lang en
shot search-dark "${search[@]}" --search review --theme dark --lang en
shot search-ko "${search[@]}" --search 모드 --theme light --lang ko

# The `@` autocomplete over the composer ("@j": Joon), beside Sora's message that mentions Mina
# (highlighted more: she is the app's user) and Joon; then the "Mentions" view.
mention=(--user mina --password confab-demo --open-conversation-title "Design team" --screenshot-delay 3000)
shot mention-light "${mention[@]}" --compose "Thanks! @j" --theme light --lang en
shot mention-dark "${mention[@]}" --compose "Thanks! @j" --theme dark --lang en
shot mention-ko "${mention[@]}" --compose "고마워요 @j" --theme light --lang ko
shot mentions-light "${mention[@]}" --open-mentions --theme light --lang en
shot mentions-ko "${mention[@]}" --open-mentions --theme light --lang ko

# The forward picker on the newest message of "Design team", one conversation picked.
forward=(--user mina --password confab-demo --open-conversation-title "Design team" --open-forward
         --screenshot-delay 3000)
shot forward-light "${forward[@]}" --theme light --lang en
shot forward-dark "${forward[@]}" --theme dark --lang en
shot forward-ko "${forward[@]}" --theme light --lang ko
# Joon's view of "Design team" at its end: the checklist he forwarded from "Launch checklist" says
# "Forwarded" and nothing about where it came from.
shot forwarded-light --user joon --password confab-demo --open-conversation-title "Design team" \
    --screenshot-delay 3000 --theme light --lang en
# Scrolled up while two new messages arrive: the "↓ 2 new" pill.
export SHOT_SAY="joon|Design team|9|Pushed the new icons to the branch;sora|Design team|10|Looks great on dark too"
pill=(--user mina --password confab-demo --open-conversation-title "Design team" --scroll-up --screenshot-delay 12000)
shot pill-light "${pill[@]}" --theme light --lang en
shot pill-dark "${pill[@]}" --theme dark --lang en
shot pill-ko "${pill[@]}" --theme light --lang ko
unset SHOT_SAY

settings=(--user mina --password confab-demo --open-conversation-title "Design team" --screenshot-delay 2500)
SHOT_ONLINE="joon" shot settings-light "${settings[@]}" --open-settings account --theme light --lang en
shot settings-dark "${settings[@]}" --open-settings notifications --theme dark --lang en
shot settings-ko "${settings[@]}" --open-settings privacy --theme light --lang ko
# "Export my data" started at sign-in: by the time of the picture the archive is ready to save.
export_=(--user mina --password confab-demo --open-conversation-title "Design team" --open-settings privacy
         --export-data --screenshot-delay 5000)
shot export-light "${export_[@]}" --theme light --lang en
shot export-dark "${export_[@]}" --theme dark --lang en
shot export-ko "${export_[@]}" --theme light --lang ko

# The profile card of Joon (online), and Sora's messages collapsed after Mina blocked her.
card=(--user mina --password confab-demo --open-conversation-title "Design team" --open-profile joon
      --screenshot-delay 3000)
export SHOT_ONLINE="joon"
shot card-light "${card[@]}" --theme light --lang en
shot card-dark "${card[@]}" --theme dark --lang en
shot card-ko "${card[@]}" --theme light --lang ko
unset SHOT_ONLINE
blocked=(--user mina --password confab-demo --open-conversation-title "Design team" --block sora
         --screenshot-delay 3000)
shot blocked-light "${blocked[@]}" --theme light --lang en
shot blocked-dark "${blocked[@]}" --theme dark --lang en
shot blocked-ko "${blocked[@]}" --theme light --lang ko
shot blockedlist-light "${blocked[@]}" --open-settings privacy --theme light --lang en

# Pictures instead of initials: Settings → account with Mina's, and "Design team" with everyone's.
export SHOT_AVATARS="mina joon sora"
shot avatar-light "${settings[@]}" --open-settings account --theme light --lang en
shot avatar-dark "${settings[@]}" --open-settings account --theme dark --lang en
shot avatar-ko "${settings[@]}" --open-settings account --theme light --lang ko
shot avatarmain-light "${main[@]}" --show-members --theme light --lang en
unset SHOT_AVATARS

people=(--user mina --password confab-demo --open-conversation-title "Design team" --find-people jo
        --screenshot-delay 2500)
shot people-light "${people[@]}" --theme light --lang en
shot people-dark "${people[@]}" --theme dark --lang en
shot people-ko "${people[@]}" --theme light --lang ko
deleteaccount=(--user mina --password confab-demo --open-settings account --delete-account --screenshot-delay 2500)
shot deleteaccount-light "${deleteaccount[@]}" --theme light --lang en
shot deleteaccount-dark "${deleteaccount[@]}" --theme dark --lang en
shot deleteaccount-ko "${deleteaccount[@]}" --theme light --lang ko

# The notification server's look (dunst under Xvfb, styled like a calm desktop); the words are Confab's.
cat >"$scratch/dunstrc" <<'DUNSTRC'
[global]
    width = 380
    origin = top-right
    offset = 16x16
    padding = 12
    horizontal_padding = 14
    frame_width = 1
    frame_color = "#D5D8DD"
    separator_color = frame
    gap_size = 0
    separator_height = 1
    corner_radius = 8
    font = Noto Sans CJK KR 10
    markup = full
    format = "<small>%a</small>\n<b>%s</b>\n%b"
    show_indicators = no
[urgency_low]
    background = "#FFFFFF"
    foreground = "#1D1F23"
    timeout = 60
[urgency_normal]
    background = "#FFFFFF"
    foreground = "#1D1F23"
    timeout = 60
[urgency_critical]
    background = "#FFFFFF"
    foreground = "#1D1F23"
    timeout = 60
DUNSTRC
export SHOT_DUNSTRC="$scratch/dunstrc"
export SHOT_SAY="sora|Launch checklist|4|Release notes are ready. Can you check the Korean strings before 3?;hana|Matching: Friday|6|Has anyone tried the new climbing gym downtown?"
shot notification "${main[@]}" --theme light --lang en --screenshot-after-notifications 2
unset SHOT_DUNSTRC SHOT_SAY
confab_log "screenshots in $out"
