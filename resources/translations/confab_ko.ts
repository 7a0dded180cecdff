<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>메시지를 입력하세요…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>메시지 보내기</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>These file names may give you away</source>
        <translation>파일 이름 때문에 누구인지 드러날 수 있습니다</translation>
    </message>
    <message>
        <source>Everyone in this blind room sees the names of the files you send. These contain your name or username:</source>
        <translation>이 블라인드 방의 모든 사람이 보내는 파일의 이름을 봅니다. 다음 파일 이름에 내 이름이나 사용자 이름이 들어 있습니다:</translation>
    </message>
    <message>
        <source>Rename them before sending if you want to stay anonymous.</source>
        <translation>익명으로 남으려면 보내기 전에 파일 이름을 바꾸세요.</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>돌아가기</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>그래도 보내기</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s…</source>
        <translation>%1초 후 다시 연결합니다…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>다시 연결하는 중…</translation>
    </message>
    <message>
        <source>Signed out — sign in again</source>
        <translation>로그아웃되었습니다 — 다시 로그인하세요</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>지금 다시 시도</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, 읽지 않은 메시지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, new conversation</source>
        <translation>%1, 새 대화</translation>
    </message>
    <message>
        <source>You are %1</source>
        <translation>나의 별명: %1</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>아직 메시지가 없습니다</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>나: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>멘션 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft:</source>
        <translation>임시 저장:</translation>
    </message>
    <message>
        <source>marked unread</source>
        <translation>안 읽음으로 표시됨</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>(%1) Confab</source>
        <translation>(%1) Confab</translation>
    </message>
    <message>
        <source>Cannot reach the server yet; still trying…</source>
        <translation>아직 서버에 연결할 수 없습니다. 계속 시도하는 중…</translation>
    </message>
    <message>
        <source>Your server is running at %1. Create an account on it to start.</source>
        <translation>서버가 %1에서 실행 중입니다. 계정을 만들어 시작하세요.</translation>
    </message>
    <message>
        <source>Starting the server…</source>
        <translation>서버를 시작하는 중…</translation>
    </message>
    <message>
        <source>Your report was sent to the server's operator.</source>
        <translation>신고가 서버 운영자에게 전달되었습니다.</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Sending</source>
        <translation>보내는 중</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>보내지 못함</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Cancel sending and uploading</source>
        <translation>보내기와 업로드 취소</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>still writing</source>
        <translation>작성 중</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>답글 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: open the thread</source>
        <translation>%1: 스레드 열기</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>Message from a blocked user</source>
        <translation>차단한 사용자의 메시지</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <source>New conversation</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>1:1 대화</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>e.g. joon</source>
        <translation>예: joon</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>e.g. Design team</source>
        <translation>예: 디자인팀</translation>
    </message>
    <message>
        <source>Group title</source>
        <translation>그룹 이름</translation>
    </message>
    <message>
        <source>Members (usernames, separated by commas)</source>
        <translation>멤버 (사용자 이름을 쉼표로 구분)</translation>
    </message>
    <message>
        <source>joon, sora, hana</source>
        <translation>joon, sora, hana</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>멤버</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>그룹 만들기</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>대화 시작</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>매칭</translation>
    </message>
    <message>
        <source>Create rooms</source>
        <translation>방 만들기</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Create your account</source>
        <translation>계정 만들기</translation>
    </message>
    <message>
        <source>Sign in to Confab</source>
        <translation>Confab에 로그인</translation>
    </message>
    <message>
        <source>Chat with your team on your own server.</source>
        <translation>우리 팀만의 서버에서 대화하세요.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>e.g. mina</source>
        <translation>예: mina</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>표시 이름</translation>
    </message>
    <message>
        <source>How others see you, e.g. Mina Park</source>
        <translation>다른 사람에게 보이는 이름 (예: 박미나)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>8자 이상</translation>
    </message>
    <message>
        <source>Invite code (if the server asks for one)</source>
        <translation>초대 코드 (서버에서 요구하는 경우)</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>초대 코드</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>계정을 만드는 중…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>로그인하는 중…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>계정 만들기</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel signing in</source>
        <translation>로그인 취소</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>이미 계정이 있어요</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>계정 만들기</translation>
    </message>
    <message>
        <source>or</source>
        <translation>또는</translation>
    </message>
    <message>
        <source>Hosting a server on this computer</source>
        <translation>이 컴퓨터에서 서버 실행 중</translation>
    </message>
    <message>
        <source>Host a server on this computer</source>
        <translation>이 컴퓨터에서 서버 열기</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>아직 메시지가 없습니다. 먼저 인사해 보세요!</translation>
    </message>
    <message numerus="yes">
        <source>↓ %n new</source>
        <translation>
            <numerusform>↓ 새 메시지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>최신 메시지로 이동</translation>
    </message>
    <message>
        <source>Drop files to attach them</source>
        <translation>여기에 놓으면 파일이 첨부됩니다</translation>
    </message>
    <message>
        <source>↑ Jump to first unread</source>
        <translation>↑ 처음 안 읽은 메시지로</translation>
    </message>
    <message>
        <source>Jump to the first unread message</source>
        <translation>처음 안 읽은 메시지로 이동</translation>
    </message>
</context>
<context>
    <name>confab::app::AppController</name>
    <message>
        <source>Former member</source>
        <translation>이전 멤버</translation>
    </message>
    <message>
        <source>The server could not be started: %1</source>
        <translation>서버를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The server stopped (exit code %1).</source>
        <translation>서버가 멈췄습니다 (종료 코드 %1).</translation>
    </message>
    <message>
        <source>The bundled server was not found next to the app.</source>
        <translation>앱과 함께 설치된 서버를 찾을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>confab::app::ConversationFilterModel</name>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
</context>
<context>
    <name>confab::client::ChatClient</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 님이 입력 중…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 님과 %2 님이 입력 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n명이 입력 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>누군가</translation>
    </message>
    <message>
        <source>Cannot open the local cache: %1</source>
        <translation>로컬 캐시를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>No saved sign-in</source>
        <translation>저장된 로그인 정보가 없습니다</translation>
    </message>
    <message>
        <source>The sign-in could not be saved in the keychain: %1</source>
        <translation>로그인 정보를 키체인에 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>No user named %1</source>
        <translation>%1 사용자를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>Could not look up the members</source>
        <translation>멤버를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>Some usernames were not found</source>
        <translation>일부 사용자 이름을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>Could not save %1 in %2</source>
        <translation>%1을(를) %2에 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read</source>
        <translation>%1은(는) 읽을 수 있는 파일이 아닙니다</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1은(는) 빈 파일입니다</translation>
    </message>
    <message>
        <source>%1 is larger than %2</source>
        <translation>%1은(는) %2보다 큽니다</translation>
    </message>
    <message>
        <source>The server's certificate was not accepted.</source>
        <translation>서버 인증서를 신뢰하지 않았습니다.</translation>
    </message>
    <message>
        <source>The setting could not be saved: %1</source>
        <translation>설정을 저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>confab::client::MessageListModel</name>
    <message>
        <source>Former member</source>
        <translation>이전 멤버</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
</context>
<context>
    <name>Avatar</name>
    <message>
        <source>%1, online</source>
        <translation>%1, 온라인</translation>
    </message>
    <message>
        <source>%1, away</source>
        <translation>%1, 자리 비움</translation>
    </message>
</context>
<context>
    <name>GroupChip</name>
    <message>
        <source>Group %1</source>
        <translation>%1 그룹</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members</source>
        <translation>멤버</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>소유자</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>관리자</translation>
    </message>
    <message>
        <source>Members · %1</source>
        <translation>멤버 · %1</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <source>Everyone here appears under an alias. Presence is hidden.</source>
        <translation>이 방에서는 모두 별명으로 표시되며 접속 상태는 숨겨집니다.</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>%1 그룹</translation>
    </message>
    <message>
        <source>online</source>
        <translation>온라인</translation>
    </message>
    <message>
        <source>away</source>
        <translation>자리 비움</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (나)</translation>
    </message>
    <message>
        <source>You offered to reveal</source>
        <translation>내가 공개를 제안함</translation>
    </message>
    <message>
        <source>Offers to reveal</source>
        <translation>나에게 공개를 제안함</translation>
    </message>
    <message>
        <source>alias %1</source>
        <translation>별명 %1</translation>
    </message>
    <message>
        <source>More for %1</source>
        <translation>%1 더 보기</translation>
    </message>
    <message>
        <source>Reveal names with %1…</source>
        <translation>%1 님과 서로 이름 공개…</translation>
    </message>
    <message>
        <source>Offer to reveal my name to %1…</source>
        <translation>%1 님에게 내 이름 공개 제안…</translation>
    </message>
    <message>
        <source>Withdraw my offer to %1</source>
        <translation>%1 님에게 한 공개 제안 취소</translation>
    </message>
    <message>
        <source>Report %1…</source>
        <translation>%1 신고…</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>봇</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>Blind room — names are hidden</source>
        <translation>블라인드 방 — 이름이 숨겨집니다</translation>
    </message>
    <message>
        <source>· Direct message</source>
        <translation>· 1:1 대화</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>멤버 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>You are %1</source>
        <translation>나의 별명: %1</translation>
    </message>
    <message>
        <source>Hide members</source>
        <translation>멤버 숨기기</translation>
    </message>
    <message>
        <source>Show members</source>
        <translation>멤버 보기</translation>
    </message>
    <message>
        <source>Reveal who you are</source>
        <translation>나를 공개하기</translation>
    </message>
    <message>
        <source>Offer to reveal my name to the room…</source>
        <translation>방 전체에 내 이름 공개 제안…</translation>
    </message>
    <message>
        <source>Withdraw my offer to the room</source>
        <translation>방 전체에 한 공개 제안 취소</translation>
    </message>
    <message>
        <source>The owner turned reveals off</source>
        <translation>소유자가 이름 공개를 꺼 두었습니다</translation>
    </message>
    <message>
        <source>Members may reveal their names</source>
        <translation>멤버의 이름 공개 허용</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>방 설정</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>그룹 설정</translation>
    </message>
    <message>
        <source>Notifications: all messages</source>
        <translation>알림: 모든 메시지</translation>
    </message>
    <message>
        <source>Notifications: mentions only</source>
        <translation>알림: 멘션만</translation>
    </message>
    <message>
        <source>Notifications: nothing</source>
        <translation>알림: 받지 않음</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>모든 메시지</translation>
    </message>
    <message>
        <source>Mentions only</source>
        <translation>멘션만</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>받지 않음</translation>
    </message>
    <message>
        <source>Mentions of you (Ctrl+Shift+M)</source>
        <translation>나를 멘션한 메시지 (Ctrl+Shift+M)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Account</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>모양</translation>
    </message>
    <message>
        <source>Choose the download folder</source>
        <translation>다운로드 폴더 선택</translation>
    </message>
    <message>
        <source>Close settings (Esc)</source>
        <translation>설정 닫기 (Esc)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>개인정보</translation>
    </message>
    <message>
        <source>Save the archive of my data</source>
        <translation>내 데이터 압축 파일 저장</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 압축 파일 (*.zip)</translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>Someone</source>
        <translation>누군가</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>새 메시지</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>%1 님의 새 메시지</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n file(s)</source>
        <translation>
            <numerusform>파일 %n개를 보냈습니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message>
        <source>(%1) Confab</source>
        <translation>(%1) Confab</translation>
    </message>
    <message numerus="yes">
        <source>Confab — %n unread</source>
        <translation>
            <numerusform>Confab — 읽지 않은 메시지 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1을(를) 지울 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Starting at login is not available on this system yet.</source>
        <translation>이 시스템에서는 아직 로그인할 때 시작할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>confab::app::AccountSessions</name>
    <message>
        <source>Not connected: the sessions list needs the server.</source>
        <translation>연결되지 않았습니다. 세션 목록은 서버에서 받아옵니다.</translation>
    </message>
    <message>
        <source>Active now</source>
        <translation>지금 활동 중</translation>
    </message>
    <message>
        <source>Last active %1</source>
        <translation>마지막 활동 %1</translation>
    </message>
    <message numerus="yes">
        <source>Active %n minute(s) ago</source>
        <translation>
            <numerusform>%n분 전 활동</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Active %n hour(s) ago</source>
        <translation>
            <numerusform>%n시간 전 활동</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::app::FreedesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
</context>
<context>
    <name>confab::app::DesktopIntegration</name>
    <message>
        <source>Open Confab</source>
        <translation>Confab 열기</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Remove %1</source>
        <translation>%1 빼기</translation>
    </message>
</context>
<context>
    <name>ProgressRing</name>
    <message>
        <source>%1 percent</source>
        <translation>%1퍼센트</translation>
    </message>
</context>
<context>
    <name>ImageAttachment</name>
    <message>
        <source>Image %1: open</source>
        <translation>이미지 %1: 열기</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>사용할 수 없음</translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <source>Uploading… %1%</source>
        <translation>올리는 중… %1%</translation>
    </message>
    <message>
        <source>Downloading… %1%</source>
        <translation>받는 중… %1%</translation>
    </message>
    <message>
        <source>Waiting for the upload</source>
        <translation>업로드를 기다리는 중</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>%1 · Saved</source>
        <translation>%1 · 저장됨</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 열기</translation>
    </message>
    <message>
        <source>Save %1 to Downloads</source>
        <translation>%1을(를) 다운로드 폴더에 저장</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image viewer</source>
        <translation>이미지 보기</translation>
    </message>
    <message>
        <source>Save to Downloads</source>
        <translation>다운로드 폴더에 저장</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>confab::client::AttachmentUploader</name>
    <message>
        <source>The file %1 is no longer there</source>
        <translation>%1 파일이 더 이상 없습니다</translation>
    </message>
    <message>
        <source>The file %1 changed after it was attached</source>
        <translation>%1 파일이 첨부한 뒤에 바뀌었습니다</translation>
    </message>
    <message>
        <source>%1 is larger than this server accepts</source>
        <translation>%1은(는) 이 서버가 받는 크기보다 큽니다</translation>
    </message>
    <message>
        <source>The file %1 cannot be read</source>
        <translation>%1 파일을 읽을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>confab::client::AttachmentDownloader</name>
    <message>
        <source>Unexpected reply</source>
        <translation>예상하지 못한 응답</translation>
    </message>
    <message>
        <source>The downloaded file was damaged</source>
        <translation>받은 파일이 손상되었습니다</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server's certificate has changed</source>
        <translation>서버 인증서가 바뀌었습니다</translation>
    </message>
    <message>
        <source>Check the server's certificate</source>
        <translation>서버 인증서를 확인하세요</translation>
    </message>
    <message>
        <source>%1 presents a different certificate from the one you accepted before. If the server's operator did not tell you it changed, someone may be in between: do not continue.</source>
        <translation>%1이(가) 전에 신뢰한 것과 다른 인증서를 보냅니다. 서버 운영자가 바뀌었다고 알려 주지 않았다면 누군가 중간에 끼어들었을 수 있으니 계속하지 마세요.</translation>
    </message>
    <message>
        <source>No certificate authority vouches for %1. Ask the server's operator for its fingerprint and compare it with this one before you trust it.</source>
        <translation>%1의 인증서는 어떤 인증 기관도 보증하지 않습니다. 신뢰하기 전에 서버 운영자에게 지문을 받아 아래 지문과 비교하세요.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 지문</translation>
    </message>
    <message>
        <source>Accepted before</source>
        <translation>전에 신뢰한 지문</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>이 인증서 신뢰</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Reveal who you are to the room?</source>
        <translation>방 전체에 나를 공개할까요?</translation>
    </message>
    <message>
        <source>Reveal who you are to %1?</source>
        <translation>%1 님에게 나를 공개할까요?</translation>
    </message>
    <message>
        <source>What would be shown</source>
        <translation>공개되는 정보</translation>
    </message>
    <message>
        <source>%1 (@%2) instead of “%3”</source>
        <translation>“%3” 대신 %1 (@%2)</translation>
    </message>
    <message>
        <source>To each member who also offers to reveal, to the room or to you: they see who you are, and you see who they are. Nothing is shown to anyone before they agree too.</source>
        <translation>방 전체나 나에게 공개를 제안한 멤버에게만 공개됩니다. 그 멤버는 내가 누구인지, 나는 그 멤버가 누구인지 보게 됩니다. 상대도 동의하기 전에는 아무에게도 보이지 않습니다.</translation>
    </message>
    <message>
        <source>%1 has already offered. As soon as you confirm, %1 sees who you are, and you see who %1 is.</source>
        <translation>%1 님이 이미 제안했습니다. 확인하는 즉시 %1 님은 내가 누구인지, 나는 %1 님이 누구인지 보게 됩니다.</translation>
    </message>
    <message>
        <source>Only if %1 also offers, to you or to the room: then %1 sees who you are, and you see who %1 is. Until then nothing is shown.</source>
        <translation>%1 님도 나나 방 전체에 공개를 제안해야만 %1 님은 내가 누구인지, 나는 %1 님이 누구인지 보게 됩니다. 그전에는 아무것도 보이지 않습니다.</translation>
    </message>
    <message>
        <source>Members who do not offer keep seeing you as “%1”.</source>
        <translation>제안하지 않은 멤버에게는 계속 “%1”(으)로 보입니다.</translation>
    </message>
    <message>
        <source>Everyone else in the room keeps seeing you as “%1”.</source>
        <translation>방의 다른 사람들에게는 계속 “%1”(으)로 보입니다.</translation>
    </message>
    <message>
        <source>You can withdraw the offer until it is answered. Once names are shown, they cannot be hidden again.</source>
        <translation>상대가 응하기 전까지는 제안을 취소할 수 있습니다. 이름이 한 번 공개되면 다시 숨길 수 없습니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Offer to the room</source>
        <translation>방 전체에 제안</translation>
    </message>
    <message>
        <source>Offer to %1</source>
        <translation>%1 님에게 제안</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report %1</source>
        <translation>%1 신고</translation>
    </message>
    <message>
        <source>The server's operator receives your report and can see who you and %1 are. Nobody in the room is told.</source>
        <translation>서버 운영자가 신고를 받으며, 나와 %1 님이 누구인지 볼 수 있습니다. 방의 다른 사람에게는 알리지 않습니다.</translation>
    </message>
    <message>
        <source>The server's operator receives your report. Nobody in the conversation is told.</source>
        <translation>서버 운영자가 신고를 받습니다. 대화의 다른 사람에게는 알리지 않습니다.</translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>무슨 일이 있었나요?</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Send report</source>
        <translation>신고 보내기</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Message actions</source>
        <translation>메시지 메뉴</translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>React with %1</source>
        <translation>%1 반응 남기기</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>답장</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>텍스트 복사</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>메시지 삭제</translation>
    </message>
    <message>
        <source>More reactions…</source>
        <translation>다른 반응…</translation>
    </message>
    <message>
        <source>Forward…</source>
        <translation>전달…</translation>
    </message>
    <message>
        <source>Forward message</source>
        <translation>메시지 전달</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>고정 해제</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>Unpin message</source>
        <translation>메시지 고정 해제</translation>
    </message>
    <message>
        <source>Pin message</source>
        <translation>메시지 고정</translation>
    </message>
</context>
<context>
    <name>ReplyBar</name>
    <message>
        <source>Replying to %1</source>
        <translation>%1에게 답장하는 중</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>답장 취소</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>검색 닫기</translation>
    </message>
    <message>
        <source>Search messages…</source>
        <translation>메시지 검색…</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>메시지 검색</translation>
    </message>
    <message>
        <source>Only in %1</source>
        <translation>%1에서만</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <source>No messages found</source>
        <translation>찾은 메시지가 없습니다</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%2의 %1: %3</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>멘션</translation>
    </message>
    <message>
        <source>Close mentions</source>
        <translation>멘션 닫기</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Nobody has mentioned you yet</source>
        <translation>아직 나를 멘션한 메시지가 없습니다</translation>
    </message>
    <message>
        <source>Mentions of you</source>
        <translation>나를 멘션한 메시지</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>메시지 검색 (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>confab::client::MessageListModel</name>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>첨부 파일</translation>
    </message>
</context>
<context>
    <name>confab::client::SearchResultModel</name>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Former member</source>
        <translation>이전 멤버</translation>
    </message>
    <message>
        <source>Search is not available right now.</source>
        <translation>지금은 검색할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>confab::client::MessageActions</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The message could not be edited</source>
        <translation>메시지를 수정하지 못했습니다</translation>
    </message>
    <message>
        <source>The message could not be deleted</source>
        <translation>메시지를 삭제하지 못했습니다</translation>
    </message>
    <message>
        <source>The reaction could not be saved</source>
        <translation>반응을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Smileys</source>
        <translation>표정</translation>
    </message>
    <message>
        <source>Gestures</source>
        <translation>손짓</translation>
    </message>
    <message>
        <source>Hearts</source>
        <translation>하트</translation>
    </message>
    <message>
        <source>Celebration</source>
        <translation>축하</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>사물</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>기호</translation>
    </message>
</context>
<context>
    <name>DeleteMessageDialog</name>
    <message>
        <source>Delete %1's message?</source>
        <translation>%1 님의 메시지를 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation>이 메시지를 삭제할까요?</translation>
    </message>
    <message>
        <source>It is deleted for everyone in the conversation, who will see that a message was deleted. This cannot be undone.</source>
        <translation>대화에 있는 모든 사람에게서 삭제되고, 메시지가 삭제되었다는 표시만 남습니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the message</source>
        <translation>메시지 삭제</translation>
    </message>
</context>
<context>
    <name>GroupSettingsDialog</name>
    <message>
        <source>Owner</source>
        <translation>소유자</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>관리자</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>멤버</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>방 설정</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>그룹 설정</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>그룹 이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>What is this group about?</source>
        <translation>어떤 그룹인지 적어 주세요</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>설명 없음</translation>
    </message>
    <message>
        <source>Group description</source>
        <translation>그룹 설명</translation>
    </message>
    <message>
        <source>Owners and admins can change these.</source>
        <translation>소유자와 관리자가 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save name and description</source>
        <translation>이름과 설명 저장</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>알림 끄기</translation>
    </message>
    <message>
        <source>Only for you: no notifications from this group. Unread counts still update.</source>
        <translation>나에게만 적용: 이 그룹의 알림이 오지 않습니다. 읽지 않은 메시지 수는 계속 표시됩니다.</translation>
    </message>
    <message>
        <source>Members · %1</source>
        <translation>멤버 · %1</translation>
    </message>
    <message>
        <source>Add someone by username</source>
        <translation>사용자 이름으로 추가</translation>
    </message>
    <message>
        <source>Username to add</source>
        <translation>추가할 사용자 이름</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>멤버 추가</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (나)</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>%1 관리</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>관리자로 지정</translation>
    </message>
    <message>
        <source>Remove admin role</source>
        <translation>관리자 해제</translation>
    </message>
    <message>
        <source>Make owner (you become an admin)</source>
        <translation>소유자로 지정 (나는 관리자가 됨)</translation>
    </message>
    <message>
        <source>Remove from the room</source>
        <translation>방에서 내보내기</translation>
    </message>
    <message>
        <source>Remove from the group</source>
        <translation>그룹에서 내보내기</translation>
    </message>
    <message>
        <source>Leave “%1”? You will no longer see its messages, and an admin (or the longest member) becomes its owner.</source>
        <translation>“%1”에서 나갈까요? 더 이상 메시지를 볼 수 없으며, 관리자(없으면 가장 오래된 멤버)가 소유자가 됩니다.</translation>
    </message>
    <message>
        <source>Leave “%1”? You will no longer see its messages.</source>
        <translation>“%1”에서 나갈까요? 더 이상 메시지를 볼 수 없습니다.</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>방 나가기</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>그룹 나가기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stay in the group</source>
        <translation>그룹에 남기</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>나가기</translation>
    </message>
    <message>
        <source>Leave the group</source>
        <translation>그룹 나가기</translation>
    </message>
    <message>
        <source>Notify me about</source>
        <translation>알림 받을 메시지</translation>
    </message>
    <message>
        <source>Everyone can pin messages</source>
        <translation>모든 멤버가 메시지 고정</translation>
    </message>
    <message>
        <source>Off: only owners and admins pin.</source>
        <translation>끄면 소유자와 관리자만 고정할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>confab::client::GroupSettings</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The group could not be changed</source>
        <translation>그룹을 바꾸지 못했습니다</translation>
    </message>
    <message>
        <source>The mute could not be changed</source>
        <translation>알림 설정을 바꾸지 못했습니다</translation>
    </message>
    <message>
        <source>%1 could not be added</source>
        <translation>%1 님을 추가하지 못했습니다</translation>
    </message>
    <message>
        <source>there is no user named %1</source>
        <translation>%1 사용자가 없습니다</translation>
    </message>
    <message>
        <source>The member could not be removed</source>
        <translation>멤버를 내보내지 못했습니다</translation>
    </message>
    <message>
        <source>The role could not be changed</source>
        <translation>역할을 바꾸지 못했습니다</translation>
    </message>
    <message>
        <source>You could not leave the group</source>
        <translation>그룹에서 나가지 못했습니다</translation>
    </message>
    <message>
        <source>The notification setting could not be changed</source>
        <translation>알림 설정을 바꾸지 못했습니다</translation>
    </message>
</context>
<context>
    <name>ThreadPane</name>
    <message>
        <source>Thread</source>
        <translation>스레드</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>답글 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Close thread (Esc)</source>
        <translation>스레드 닫기 (Esc)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>수정됨</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>삭제된 메시지입니다</translation>
    </message>
    <message>
        <source>No replies yet</source>
        <translation>아직 답글이 없습니다</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Reply in thread…</source>
        <translation>스레드에 답글 쓰기…</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>스레드에 답글 쓰기</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>답글 보내기</translation>
    </message>
</context>
<context>
    <name>confab::client::ThreadModel</name>
    <message>
        <source>Former member</source>
        <translation>이전 멤버</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>연결되어 있지 않습니다</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>React with %1</source>
        <translation>%1 반응 남기기</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Anywhere</source>
        <translation>어디서나</translation>
    </message>
    <message>
        <source>Move between the conversation list, the messages and the composer</source>
        <translation>대화 목록, 메시지, 입력창 사이를 이동</translation>
    </message>
    <message>
        <source>Find a conversation</source>
        <translation>대화 찾기</translation>
    </message>
    <message>
        <source>Previous or next conversation</source>
        <translation>이전 또는 다음 대화</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>메시지 검색</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>Close the panel or dialog</source>
        <translation>패널이나 대화 상자 닫기</translation>
    </message>
    <message>
        <source>Press the focused button</source>
        <translation>포커스된 버튼 누르기</translation>
    </message>
    <message>
        <source>Quit Confab</source>
        <translation>Confab 종료</translation>
    </message>
    <message>
        <source>Conversation list</source>
        <translation>대화 목록</translation>
    </message>
    <message>
        <source>Move between conversations</source>
        <translation>대화 사이를 이동</translation>
    </message>
    <message>
        <source>Open the conversation</source>
        <translation>대화 열기</translation>
    </message>
    <message>
        <source>Back to the composer</source>
        <translation>입력창으로 돌아가기</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Move between messages</source>
        <translation>메시지 사이를 이동</translation>
    </message>
    <message>
        <source>Message actions menu</source>
        <translation>메시지 작업 메뉴</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>답장</translation>
    </message>
    <message>
        <source>Edit your message</source>
        <translation>내 메시지 수정</translation>
    </message>
    <message>
        <source>Delete your message (asks first)</source>
        <translation>내 메시지 삭제 (먼저 확인)</translation>
    </message>
    <message>
        <source>Copy the text</source>
        <translation>텍스트 복사</translation>
    </message>
    <message>
        <source>React with an emoji</source>
        <translation>이모지로 반응</translation>
    </message>
    <message>
        <source>Open the thread</source>
        <translation>스레드 열기</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>입력창</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>줄 바꿈</translation>
    </message>
    <message>
        <source>Edit your last message (empty composer)</source>
        <translation>마지막 메시지 수정 (입력창이 비어 있을 때)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Messages that mention you</source>
        <translation>나를 멘션한 메시지</translation>
    </message>
    <message>
        <source>Mention someone: ↑/↓ choose, Tab or Enter pick, Esc close</source>
        <translation>멘션하기: ↑/↓ 고르기, Tab 또는 Enter 넣기, Esc 닫기</translation>
    </message>
    <message>
        <source>Bold: **text**</source>
        <translation>굵게: **텍스트**</translation>
    </message>
    <message>
        <source>Italic: *text*</source>
        <translation>기울임: *텍스트*</translation>
    </message>
    <message>
        <source>Code: `code`</source>
        <translation>코드: `코드`</translation>
    </message>
    <message>
        <source>Code block: ``` on the lines around it</source>
        <translation>코드 블록: 앞뒤 줄에 ```</translation>
    </message>
    <message>
        <source>Quote, list, numbered list (at the start of a line)</source>
        <translation>인용, 목록, 번호 목록 (줄 맨 앞에서)</translation>
    </message>
    <message>
        <source>Mark the open conversation unread</source>
        <translation>열린 대화를 안 읽음으로 표시</translation>
    </message>
    <message>
        <source>Mark as unread or read</source>
        <translation>안 읽음 또는 읽음으로 표시</translation>
    </message>
    <message>
        <source>Forward to other conversations</source>
        <translation>다른 대화로 전달</translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>최신 메시지로 이동</translation>
    </message>
    <message>
        <source>Jump to the first unread message</source>
        <translation>처음 안 읽은 메시지로 이동</translation>
    </message>
    <message>
        <source>Pin or unpin the message</source>
        <translation>메시지 고정 또는 고정 해제</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>This message was deleted</source>
        <translation>삭제된 메시지입니다</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>sender: last message</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>confab::client::SignUpRules</name>
    <message>
        <source>This username is taken. Please choose another one.</source>
        <translation>이미 사용 중인 사용자 이름입니다. 다른 이름을 골라 주세요.</translation>
    </message>
    <message>
        <source>Usernames have %1 to %2 characters: lowercase letters, digits, dots, dashes and underscores.</source>
        <translation>사용자 이름은 %1~%2자의 영문 소문자, 숫자, 점(.), 하이픈(-), 밑줄(_)로 이루어져야 합니다.</translation>
    </message>
    <message>
        <source>Display names have at most %1 characters.</source>
        <translation>표시 이름은 최대 %1자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Display names must not contain invisible characters such as %1.</source>
        <translation>표시 이름에는 %1 같은 보이지 않는 문자를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Please enter a display name others can see.</source>
        <translation>다른 사람에게 보일 표시 이름을 입력해 주세요.</translation>
    </message>
    <message>
        <source>This password is too long.</source>
        <translation>비밀번호가 너무 깁니다.</translation>
    </message>
    <message>
        <source>Passwords need at least %1 characters.</source>
        <translation>비밀번호는 %1자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>This invite code is unknown or was used already.</source>
        <translation>알 수 없거나 이미 사용된 초대 코드입니다.</translation>
    </message>
    <message>
        <source>The username or password is not right.</source>
        <translation>사용자 이름 또는 비밀번호가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>This server does not accept new accounts without a valid invite code.</source>
        <translation>이 서버는 유효한 초대 코드 없이는 새 계정을 받지 않습니다.</translation>
    </message>
    <message>
        <source>This account may not sign in.</source>
        <translation>이 계정으로는 로그인할 수 없습니다.</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>시도 횟수가 너무 많습니다. 잠시 후 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>The server is busy. Please try again in a moment.</source>
        <translation>서버가 바쁩니다. 잠시 후 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>The server refused what was entered. Please check the fields.</source>
        <translation>서버가 입력한 내용을 거부했습니다. 입력란을 확인해 주세요.</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Please try again.</source>
        <translation>서버에서 문제가 생겼습니다. 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>Your password must not be your username.</source>
        <translation>비밀번호는 사용자 이름과 같을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <source>Sign out of Confab on this computer?</source>
        <translation>이 컴퓨터의 Confab에서 로그아웃할까요?</translation>
    </message>
    <message>
        <source>You will need your password to sign in again. Your other devices stay signed in.</source>
        <translation>다시 로그인하려면 비밀번호가 필요합니다. 다른 기기는 로그인된 채로 남습니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Sign out of Confab on this computer</source>
        <translation>이 컴퓨터의 Confab에서 로그아웃</translation>
    </message>
</context>
<context>
    <name>AccountSettings</name>
    <message>
        <source>@%1 on %2</source>
        <translation>%2의 @%1</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Changing your password from the app is not available yet. Your server's administrator can set a new one.</source>
        <translation>아직 앱에서 비밀번호를 바꿀 수 없습니다. 서버 관리자가 새 비밀번호를 정해 줄 수 있습니다.</translation>
    </message>
    <message>
        <source>Where you are signed in</source>
        <translation>로그인된 곳</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>목록 새로 고침</translation>
    </message>
    <message>
        <source>The list of sessions appears here once connected.</source>
        <translation>연결되면 세션 목록이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Sign out on every device, this one included?</source>
        <translation>이 기기를 포함한 모든 기기에서 로그아웃할까요?</translation>
    </message>
    <message>
        <source>Lost a device? Sign out everywhere, then sign in again here.</source>
        <translation>기기를 잃어버렸나요? 모든 기기에서 로그아웃한 뒤 여기서 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>모든 기기에서 로그아웃</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>프로필</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>계정 삭제</translation>
    </message>
    <message>
        <source>Deleting your account signs out every device and erases your profile. It cannot be undone.</source>
        <translation>계정을 삭제하면 모든 기기에서 로그아웃되고 프로필이 지워집니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete account…</source>
        <translation>계정 삭제…</translation>
    </message>
</context>
<context>
    <name>AppearanceSettings</name>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>테마: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>언어: %1</translation>
    </message>
</context>
<context>
    <name>FileSettings</name>
    <message>
        <source>Download folder</source>
        <translation>다운로드 폴더</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>바꾸기…</translation>
    </message>
    <message>
        <source>Change the download folder</source>
        <translation>다운로드 폴더 바꾸기</translation>
    </message>
    <message>
        <source>Files you download from conversations are saved here.</source>
        <translation>대화에서 내려받은 파일이 여기에 저장됩니다.</translation>
    </message>
</context>
<context>
    <name>GeneralSettings</name>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>창을 닫아도 트레이에서 계속 실행</translation>
    </message>
    <message>
        <source>Messages and notifications keep coming; Quit from the tray icon's menu.</source>
        <translation>메시지와 알림은 계속 받습니다. 종료는 트레이 아이콘 메뉴에서 하세요.</translation>
    </message>
    <message>
        <source>No system tray was found on this desktop.</source>
        <translation>이 데스크톱에서 시스템 트레이를 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>Start Confab when you log in</source>
        <translation>로그인할 때 Confab 시작</translation>
    </message>
    <message>
        <source>Starts in the tray, if there is one.</source>
        <translation>트레이가 있으면 트레이에서 시작합니다.</translation>
    </message>
    <message>
        <source>Not available on this system yet.</source>
        <translation>이 시스템에서는 아직 사용할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>NotificationSettings</name>
    <message>
        <source>This desktop has no notification service: Confab cannot show notifications here.</source>
        <translation>이 데스크톱에는 알림 서비스가 없어 Confab이 알림을 표시할 수 없습니다.</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>데스크톱 알림 표시</translation>
    </message>
    <message>
        <source>For new messages in conversations you are not looking at. Muted conversations stay quiet.</source>
        <translation>보고 있지 않은 대화의 새 메시지를 알립니다. 알림을 끈 대화는 조용합니다.</translation>
    </message>
    <message>
        <source>Show message text</source>
        <translation>메시지 내용 표시</translation>
    </message>
    <message>
        <source>Off: notifications say who wrote, not what.</source>
        <translation>끄면 누가 썼는지만 알리고 내용은 보이지 않습니다.</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>방해 금지</translation>
    </message>
    <message>
        <source>No notifications until you turn this off. Unread counts still update.</source>
        <translation>이 설정을 끌 때까지 알림이 없습니다. 읽지 않은 메시지 수는 계속 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>PrivacySettings</name>
    <message>
        <source>Send typing indicators</source>
        <translation>입력 중 표시 보내기</translation>
    </message>
    <message>
        <source>Others see “%1 is typing…” while you write.</source>
        <translation>입력하는 동안 다른 사람에게 “%1 님이 입력 중…”이 보입니다.</translation>
    </message>
    <message>
        <source>Share read receipts</source>
        <translation>읽음 확인 공유</translation>
    </message>
    <message>
        <source>Off: others do not see when you have read their messages. Your own unread counts stay right on all your devices.</source>
        <translation>끄면 다른 사람은 내가 메시지를 읽었는지 알 수 없습니다. 내 읽지 않은 메시지 수는 모든 기기에서 그대로 정확합니다.</translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <source>Unknown device</source>
        <translation>알 수 없는 기기</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>이 기기</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>%1에서 로그아웃</translation>
    </message>
</context>
<context>
    <name>SettingsSections</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <source>This message was deleted</source>
        <translation>삭제된 메시지입니다</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>메시지 수정</translation>
    </message>
    <message>
        <source>Enter to save · Esc to cancel</source>
        <translation>Enter로 저장 · Esc로 취소</translation>
    </message>
</context>
<context>
    <name>MessageMeta</name>
    <message>
        <source>writing…</source>
        <translation>작성 중…</translation>
    </message>
    <message>
        <source>⚠ interrupted</source>
        <translation>⚠ 중단됨</translation>
    </message>
    <message>
        <source>Still writing</source>
        <translation>아직 작성 중</translation>
    </message>
    <message>
        <source>The message was interrupted</source>
        <translation>메시지가 중단되었습니다</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>수정됨</translation>
    </message>
</context>
<context>
    <name>NewMessagesLine</name>
    <message>
        <source>New messages</source>
        <translation>새 메시지</translation>
    </message>
</context>
<context>
    <name>QuoteBlock</name>
    <message>
        <source>Reply to %1: %2</source>
        <translation>%1에게 답장: %2</translation>
    </message>
    <message>
        <source>Earlier message</source>
        <translation>이전 메시지</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>삭제된 메시지입니다</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>불러오지 않은 메시지</translation>
    </message>
</context>
<context>
    <name>ReactionRow</name>
    <message>
        <source>%1 %2, including you: remove mine</source>
        <translation>%1 %2, 나 포함: 내 반응 취소</translation>
    </message>
    <message>
        <source>%1 %2: react with it too</source>
        <translation>%1 %2: 나도 이 반응 남기기</translation>
    </message>
</context>
<context>
    <name>ReceiptsLine</name>
    <message>
        <source>Read by everyone</source>
        <translation>모두 읽음</translation>
    </message>
    <message>
        <source>Read by %1</source>
        <translation>%1명 읽음</translation>
    </message>
    <message>
        <source>%1: show who read it</source>
        <translation>%1: 읽은 사람 보기</translation>
    </message>
</context>
<context>
    <name>SendFailure</name>
    <message>
        <source>Not sent: %1</source>
        <translation>보내지 못함: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>보내지 못함</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete unsent message</source>
        <translation>보내지 못한 메시지 삭제</translation>
    </message>
</context>
<context>
    <name>SenderLine</name>
    <message>
        <source>You (%1)</source>
        <translation>나 (%1)</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>봇</translation>
    </message>
</context>
<context>
    <name>ConversationFilter</name>
    <message>
        <source>Search…  (Ctrl+K)</source>
        <translation>검색…  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>대화 검색</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Message %1</source>
        <translation>%1에 메시지 보내기</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>메시지를 입력하세요…</translation>
    </message>
</context>
<context>
    <name>EmptyConversation</name>
    <message>
        <source>Select a conversation</source>
        <translation>대화를 선택하세요</translation>
    </message>
    <message>
        <source>Welcome to Confab</source>
        <translation>Confab에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Pick one on the left, or press Ctrl+K to find it.</source>
        <translation>왼쪽에서 고르거나 Ctrl+K로 찾아보세요.</translation>
    </message>
    <message>
        <source>Start a conversation with someone on this server.</source>
        <translation>이 서버의 사람들과 대화를 시작해 보세요.</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>새 대화</translation>
    </message>
</context>
<context>
    <name>ReadersPopup</name>
    <message>
        <source>Read by</source>
        <translation>읽은 사람</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations</source>
        <translation>대화 목록</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>“%1”와(과) 일치하는 대화가 없습니다.</translation>
    </message>
    <message>
        <source>No conversations yet.
Press ✎ to start one.</source>
        <translation>아직 대화가 없습니다.
✎을 눌러 대화를 시작하세요.</translation>
    </message>
</context>
<context>
    <name>SidebarHeader</name>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>설정 (Ctrl+,)</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>새 대화 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (Ctrl+/)</source>
        <translation>키보드 단축키 (Ctrl+/)</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <source>Blind room</source>
        <translation>블라인드 방</translation>
    </message>
    <message>
        <source>Create blind room</source>
        <translation>블라인드 방 만들기</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>Names hidden until %1</source>
        <translation>%1까지 이름 비공개</translation>
    </message>
    <message>
        <source>Blind room — names revealed</source>
        <translation>블라인드 방 — 이름 공개됨</translation>
    </message>
</context>
<context>
    <name>GroupPicker</name>
    <message>
        <source>Group of %1</source>
        <translation>%1의 그룹</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>%1 그룹</translation>
    </message>
    <message>
        <source>No group</source>
        <translation>그룹 없음</translation>
    </message>
    <message>
        <source>Put %1 in group %2</source>
        <translation>%1을(를) %2 그룹에 넣기</translation>
    </message>
    <message>
        <source>%1 in no group</source>
        <translation>%1 그룹 없음</translation>
    </message>
</context>
<context>
    <name>RevealPolicyPicker</name>
    <message>
        <source>Never</source>
        <translation>공개하지 않음</translation>
    </message>
    <message>
        <source>Names stay hidden for good.</source>
        <translation>이름은 끝까지 공개되지 않습니다.</translation>
    </message>
    <message>
        <source>When two agree</source>
        <translation>두 사람이 동의하면</translation>
    </message>
    <message>
        <source>Two members see each other's name once both offered it.</source>
        <translation>두 멤버가 모두 공개를 제안하면 서로의 이름을 봅니다.</translation>
    </message>
    <message>
        <source>Everyone, at a set time</source>
        <translation>정한 시각에 모두</translation>
    </message>
    <message>
        <source>At the time below every member sees every name. Until then, two can still agree earlier.</source>
        <translation>아래 시각이 되면 모든 멤버가 모든 이름을 봅니다. 그 전에도 두 사람이 동의하면 먼저 공개할 수 있습니다.</translation>
    </message>
    <message>
        <source>Date of the reveal (year-month-day)</source>
        <translation>공개 날짜 (연-월-일)</translation>
    </message>
    <message>
        <source>Time of the reveal (hours:minutes)</source>
        <translation>공개 시각 (시:분)</translation>
    </message>
    <message>
        <source>a date and time still to come</source>
        <translation>아직 오지 않은 날짜와 시각을 입력하세요</translation>
    </message>
</context>
<context>
    <name>BlindRoomForm</name>
    <message>
        <source>Friday matching</source>
        <translation>금요일 매칭</translation>
    </message>
    <message>
        <source>Four people, two sides. Say hi!</source>
        <translation>네 사람, 두 그룹. 인사해 보세요!</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>e.g. Friday matching</source>
        <translation>예: 금요일 매칭</translation>
    </message>
    <message>
        <source>Room title</source>
        <translation>방 제목</translation>
    </message>
    <message>
        <source>Description (optional)</source>
        <translation>설명 (선택)</translation>
    </message>
    <message>
        <source>What is this room for?</source>
        <translation>어떤 방인가요?</translation>
    </message>
    <message>
        <source>Room description</source>
        <translation>방 설명</translation>
    </message>
    <message>
        <source>Members and their groups</source>
        <translation>멤버와 그룹</translation>
    </message>
    <message>
        <source>Usernames, e.g. joon, sora</source>
        <translation>사용자 이름, 예: joon, sora</translation>
    </message>
    <message>
        <source>Usernames to add</source>
        <translation>추가할 사용자 이름</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add to the room</source>
        <translation>방에 추가</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>you</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Take @%1 out</source>
        <translation>@%1 빼기</translation>
    </message>
    <message>
        <source>Split the rest evenly into A and B</source>
        <translation>나머지를 A와 B로 고르게 나누기</translation>
    </message>
    <message>
        <source>Who sees whose name</source>
        <translation>누가 누구의 이름을 보나요</translation>
    </message>
    <message>
        <source>Members may add others</source>
        <translation>멤버도 다른 사람을 추가할 수 있음</translation>
    </message>
    <message>
        <source>Off: only you (and admins) add people.</source>
        <translation>끄면 나(와 관리자)만 사람을 추가합니다.</translation>
    </message>
    <message>
        <source>Members see each other only as an alias (like “Quiet Otter”), a generated avatar and the group A or B. Nobody sees usernames, display names or profile pictures: not in messages, the member list, typing, read receipts or search. You see only aliases in the room too.</source>
        <translation>멤버들은 서로를 별명(예: “조용한 수달”), 자동으로 만든 아바타, A 또는 B 그룹으로만 봅니다. 사용자 이름, 표시 이름, 프로필 사진은 아무도 볼 수 없습니다. 메시지, 멤버 목록, 입력 중 표시, 읽음 표시, 검색 어디에서도요. 방 안에서는 나에게도 별명만 보입니다.</translation>
    </message>
    <message>
        <source>Names are never shown.</source>
        <translation>이름은 절대 공개되지 않습니다.</translation>
    </message>
    <message>
        <source>A name is shown only to someone its owner agreed with, and they agreed back.</source>
        <translation>이름은 본인이 공개에 동의하고 상대도 동의한 사람에게만 보입니다.</translation>
    </message>
    <message>
        <source>At %1 everyone sees everyone's name, and it cannot be taken back.</source>
        <translation>%1에 모두가 모두의 이름을 보게 되며, 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>At the time you set, everyone sees everyone's name, and it cannot be taken back.</source>
        <translation>정한 시각에 모두가 모두의 이름을 보게 되며, 되돌릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>BlindRoomSettings</name>
    <message>
        <source>Names</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Every name was shown on %1.</source>
        <translation>%1에 모든 이름이 공개되었습니다.</translation>
    </message>
    <message>
        <source>Names hidden until %1.</source>
        <translation>%1까지 이름이 비공개입니다.</translation>
    </message>
    <message>
        <source>Names are never shown in this room.</source>
        <translation>이 방에서는 이름이 공개되지 않습니다.</translation>
    </message>
    <message>
        <source>Two members see each other's name once both agree.</source>
        <translation>두 멤버가 모두 동의하면 서로의 이름을 봅니다.</translation>
    </message>
    <message>
        <source>Members may add others</source>
        <translation>멤버도 다른 사람을 추가할 수 있음</translation>
    </message>
    <message>
        <source>Off: only you and admins add people.</source>
        <translation>끄면 나와 관리자만 사람을 추가합니다.</translation>
    </message>
    <message>
        <source>Members may add others.</source>
        <translation>멤버도 다른 사람을 추가할 수 있습니다.</translation>
    </message>
    <message>
        <source>Only the owner and admins add people.</source>
        <translation>방장과 관리자만 사람을 추가합니다.</translation>
    </message>
    <message>
        <source>Cancel the scheduled reveal</source>
        <translation>예약된 공개 취소</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Apply who sees whose name</source>
        <translation>이름 공개 설정 적용</translation>
    </message>
</context>
<context>
    <name>RevealLine</name>
    <message>
        <source>Names revealed · %1</source>
        <translation>이름 공개 · %1</translation>
    </message>
</context>
<context>
    <name>confab::client::GroupSettings</name>
    <message>
        <source>The member could not be moved</source>
        <translation>멤버를 옮기지 못했습니다</translation>
    </message>
    <message>
        <source>The reveal could not be scheduled</source>
        <translation>공개를 예약하지 못했습니다</translation>
    </message>
    <message>
        <source>pick a date and time</source>
        <translation>날짜와 시각을 고르세요</translation>
    </message>
    <message>
        <source>Who sees whom could not be changed</source>
        <translation>이름 공개 설정을 바꾸지 못했습니다</translation>
    </message>
</context>
<context>
    <name>confab::client::BlindRooms</name>
    <message>
        <source>No user named %1</source>
        <translation>%1(이)라는 사용자가 없습니다</translation>
    </message>
</context>
<context>
    <name>MentionPopup</name>
    <message>
        <source>People to mention</source>
        <translation>멘션할 사람</translation>
    </message>
    <message>
        <source>Everyone in this conversation</source>
        <translation>이 대화의 모든 사람</translation>
    </message>
</context>
<context>
    <name>NotifyLevelChooser</name>
    <message>
        <source>All messages</source>
        <translation>모든 메시지</translation>
    </message>
    <message>
        <source>Every new message notifies you.</source>
        <translation>새 메시지마다 알림을 받습니다.</translation>
    </message>
    <message>
        <source>Mentions only</source>
        <translation>멘션만</translation>
    </message>
    <message>
        <source>Only messages that mention you or @room.</source>
        <translation>나 또는 @room을 멘션한 메시지만 알립니다.</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>받지 않음</translation>
    </message>
    <message>
        <source>No notifications. Unread counts still update.</source>
        <translation>알림을 받지 않습니다. 읽지 않은 메시지 수는 계속 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>Current password</source>
        <translation>현재 비밀번호</translation>
    </message>
    <message>
        <source>New password (at least %1 characters)</source>
        <translation>새 비밀번호 (%1자 이상)</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>새 비밀번호 확인</translation>
    </message>
    <message>
        <source>Sign out on my other devices</source>
        <translation>내 다른 기기에서 로그아웃</translation>
    </message>
    <message>
        <source>Your password was changed. This device stays signed in.</source>
        <translation>비밀번호를 바꿨습니다. 이 기기는 로그인 상태로 유지됩니다.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>비밀번호 변경</translation>
    </message>
</context>
<context>
    <name>confab::client::PasswordChange</name>
    <message>
        <source>Passwords need at least %1 characters.</source>
        <translation>비밀번호는 %1자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>This password is too long.</source>
        <translation>비밀번호가 너무 깁니다.</translation>
    </message>
    <message>
        <source>Your password must not be your username.</source>
        <translation>비밀번호는 사용자 이름과 같을 수 없습니다.</translation>
    </message>
    <message>
        <source>Please enter your current password.</source>
        <translation>현재 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>새 비밀번호가 현재 비밀번호와 같습니다.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>두 새 비밀번호가 서로 다릅니다.</translation>
    </message>
    <message>
        <source>Not connected: changing the password needs the server.</source>
        <translation>연결되지 않음: 비밀번호를 바꾸려면 서버에 연결되어 있어야 합니다.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>잘못된 비밀번호가 너무 많습니다. %n초 기다린 뒤 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>현재 비밀번호가 맞지 않습니다.</translation>
    </message>
    <message>
        <source>The server does not accept this password.</source>
        <translation>서버가 이 비밀번호를 받아들이지 않습니다.</translation>
    </message>
    <message>
        <source>The server could not be reached. Please try again.</source>
        <translation>서버에 연결할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Please try again.</source>
        <translation>서버에서 문제가 생겼습니다. 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>MessageBody</name>
    <message>
        <source>Code (%1): %2</source>
        <translation>코드 (%1): %2</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>코드: %1</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>코드 복사</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>confab::client::MessageFormat</name>
    <message>
        <source>image</source>
        <translation>이미지</translation>
    </message>
</context>
<context>
    <name>confab::client::Drafts</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>파일 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::client::SystemLines</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2 and %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n others</source>
        <translation>
            <numerusform>%1, %2 외 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>누군가</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>누군가</translation>
    </message>
    <message>
        <source>%1 created the room</source>
        <translation>%1님이 방을 만들었습니다</translation>
    </message>
    <message>
        <source>%1 created the group</source>
        <translation>%1님이 그룹을 만들었습니다</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1님이 %2님을 초대했습니다</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1님이 들어왔습니다</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1님이 %2님을 내보냈습니다</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1님이 나갔습니다</translation>
    </message>
    <message>
        <source>%1 made %2 owner</source>
        <translation>%1님이 %2님을 소유자로 지정했습니다</translation>
    </message>
    <message>
        <source>%1 made %2 admin</source>
        <translation>%1님이 %2님을 관리자로 지정했습니다</translation>
    </message>
    <message>
        <source>%1 made %2 a member</source>
        <translation>%1님이 %2님을 일반 멤버로 바꿨습니다</translation>
    </message>
    <message>
        <source>%1 renamed the conversation to “%2”</source>
        <translation>%1님이 대화 이름을 “%2”(으)로 바꿨습니다</translation>
    </message>
    <message>
        <source>%1 removed the description</source>
        <translation>%1님이 설명을 지웠습니다</translation>
    </message>
    <message>
        <source>%1 changed the description</source>
        <translation>%1님이 설명을 바꿨습니다</translation>
    </message>
    <message>
        <source>%1 offered to reveal their name to %2</source>
        <translation>%1님이 %2님에게 이름 공개를 제안했습니다</translation>
    </message>
    <message>
        <source>%1 offered to reveal their name to everyone</source>
        <translation>%1님이 모두에게 이름 공개를 제안했습니다</translation>
    </message>
    <message>
        <source>%1 withdrew an offer to reveal their name</source>
        <translation>%1님이 이름 공개 제안을 거두었습니다</translation>
    </message>
    <message>
        <source>%1 and %2 revealed their names to each other</source>
        <translation>%1님과 %2님이 서로 이름을 공개했습니다</translation>
    </message>
    <message>
        <source>%1 allowed members to reveal their names</source>
        <translation>%1님이 이름 공개를 허용했습니다</translation>
    </message>
    <message>
        <source>%1 turned reveals off</source>
        <translation>%1님이 이름 공개를 껐습니다</translation>
    </message>
    <message>
        <source>%1 pinned a message</source>
        <translation>%1님이 메시지를 고정했습니다</translation>
    </message>
    <message numerus="yes">
        <source>%1 pinned %n messages</source>
        <translation>
            <numerusform>%1님이 메시지 %n개를 고정했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 unpinned a message</source>
        <translation>%1님이 메시지 고정을 해제했습니다</translation>
    </message>
    <message numerus="yes">
        <source>%1 unpinned %n messages</source>
        <translation>
            <numerusform>%1님이 메시지 %n개의 고정을 해제했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 let every member pin messages</source>
        <translation>%1님이 모든 멤버가 메시지를 고정할 수 있게 했습니다</translation>
    </message>
    <message>
        <source>%1 let only owners and admins pin messages</source>
        <translation>%1님이 소유자와 관리자만 메시지를 고정할 수 있게 했습니다</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Display name</source>
        <translation>표시 이름</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>What are you up to? (optional)</source>
        <translation>지금 무엇을 하고 있나요? (선택)</translation>
    </message>
    <message>
        <source>Saved. Your conversations show it now; blind rooms never do.</source>
        <translation>저장했습니다. 이제 대화에 표시됩니다. 블라인드 방에는 표시되지 않습니다.</translation>
    </message>
    <message>
        <source>Blind rooms never show your name or status.</source>
        <translation>블라인드 방에는 이름과 상태가 표시되지 않습니다.</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>프로필 저장</translation>
    </message>
</context>
<context>
    <name>confab::client::AccountProfile</name>
    <message>
        <source>Please enter a display name others can see.</source>
        <translation>다른 사람에게 보일 표시 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Display names have at most %1 characters.</source>
        <translation>표시 이름은 %1자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Display names must not contain invisible characters such as %1.</source>
        <translation>표시 이름에는 %1 같은 보이지 않는 문자를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>A status has at most %1 characters.</source>
        <translation>상태는 %1자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>A status must not contain invisible characters such as %1.</source>
        <translation>상태에는 %1 같은 보이지 않는 문자를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>A status is one line.</source>
        <translation>상태는 한 줄로 써야 합니다.</translation>
    </message>
    <message>
        <source>Not connected: changing the profile needs the server.</source>
        <translation>연결되지 않음: 프로필을 바꾸려면 서버에 연결되어 있어야 합니다.</translation>
    </message>
    <message>
        <source>The server does not accept this.</source>
        <translation>서버가 이 값을 받아들이지 않습니다.</translation>
    </message>
    <message>
        <source>The server could not be reached. Please try again.</source>
        <translation>서버에 연결할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Please try again.</source>
        <translation>서버에서 문제가 생겼습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Too many changes at once. Please wait a moment and try again.</source>
        <translation>변경이 너무 많습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>ForwardDialog</name>
    <message>
        <source>Forward message</source>
        <translation>메시지 전달</translation>
    </message>
    <message>
        <source>Find a conversation</source>
        <translation>대화 찾기</translation>
    </message>
    <message>
        <source>Find a conversation to forward to</source>
        <translation>전달할 대화 찾기</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>“%1”와(과) 일치하는 대화가 없습니다.</translation>
    </message>
    <message>
        <source>There is no other conversation to forward to.</source>
        <translation>전달할 다른 대화가 없습니다.</translation>
    </message>
    <message>
        <source>↑/↓ move · Space picks · Enter forwards</source>
        <translation>↑/↓ 이동 · Space 선택 · Enter 전달</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message numerus="yes">
        <source>Forward to %n conversations</source>
        <translation>
            <numerusform>대화 %n개에 전달</numerusform>
        </translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>전달</translation>
    </message>
</context>
<context>
    <name>ConversationMenu</name>
    <message>
        <source>Mark as read</source>
        <translation>읽음으로 표시</translation>
    </message>
    <message>
        <source>Mark as unread</source>
        <translation>안 읽음으로 표시</translation>
    </message>
</context>
<context>
    <name>confab::client::Forwarding</name>
    <message>
        <source>The message could not be forwarded: %1</source>
        <translation>메시지를 전달하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The conversation could not be marked: %1</source>
        <translation>대화를 표시하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>PinnedBar</name>
    <message>
        <source>Attachment</source>
        <translation>첨부 파일</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Pinned message %1 of %2: %3</source>
        <translation>고정된 메시지 %1/%2: %3</translation>
    </message>
    <message>
        <source>Pinned message: %1</source>
        <translation>고정된 메시지: %1</translation>
    </message>
    <message>
        <source>Shows the message in the conversation</source>
        <translation>대화에서 이 메시지를 보여 줍니다</translation>
    </message>
    <message>
        <source>Pinned message %1 of %2</source>
        <translation>고정된 메시지 %1/%2</translation>
    </message>
    <message>
        <source>Pinned message</source>
        <translation>고정된 메시지</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Unpin this message</source>
        <translation>이 메시지 고정 해제</translation>
    </message>
</context>
<context>
    <name>confab::client::PinnedMessageModel</name>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>누군가</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>고정 해제</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Who pins: %1</source>
        <translation>고정 권한: %1</translation>
    </message>
</context>
<context>
    <name>MatchingForm</name>
    <message>
        <source>Friday matching</source>
        <translation>금요일 매칭</translation>
    </message>
    <message>
        <source>Four people, two sides. Say hi!</source>
        <translation>네 사람, 두 그룹. 인사해 보세요!</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>금요일마다</translation>
    </message>
    <message>
        <source>Add the people to match.</source>
        <translation>매칭할 사람을 추가하세요.</translation>
    </message>
    <message>
        <source>Title of the rooms</source>
        <translation>방 제목</translation>
    </message>
    <message>
        <source>e.g. Friday matching</source>
        <translation>예: 금요일 매칭</translation>
    </message>
    <message>
        <source>The rooms are numbered after it: 1, 2, 3…</source>
        <translation>제목 뒤에 방 번호가 붙습니다: 1, 2, 3…</translation>
    </message>
    <message>
        <source>Description (optional)</source>
        <translation>설명 (선택)</translation>
    </message>
    <message>
        <source>What are the rooms for?</source>
        <translation>어떤 방인가요?</translation>
    </message>
    <message>
        <source>Description of the rooms</source>
        <translation>방 설명</translation>
    </message>
    <message>
        <source>Series (optional)</source>
        <translation>시리즈 (선택)</translation>
    </message>
    <message>
        <source>e.g. Fridays</source>
        <translation>예: 금요일마다</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Later rounds of the same series avoid putting together people who already met.</source>
        <translation>같은 시리즈의 다음 회차에서는 이미 만난 사람끼리 다시 묶지 않도록 합니다.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>참가자</translation>
    </message>
    <message>
        <source>Usernames, e.g. joon, sora</source>
        <translation>사용자 이름, 예: joon, sora</translation>
    </message>
    <message>
        <source>Usernames to add to the pool</source>
        <translation>참가자로 추가할 사용자 이름</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add to the pool</source>
        <translation>참가자로 추가</translation>
    </message>
    <message>
        <source>Split into A and B for me</source>
        <translation>A와 B를 자동으로 나누기</translation>
    </message>
    <message>
        <source>I choose A and B</source>
        <translation>A와 B를 직접 정하기</translation>
    </message>
    <message>
        <source>Take @%1 out</source>
        <translation>@%1 빼기</translation>
    </message>
    <message>
        <source>Split the rest evenly into A and B</source>
        <translation>나머지를 A와 B로 고르게 나누기</translation>
    </message>
    <message>
        <source>People per room</source>
        <translation>방마다 인원</translation>
    </message>
    <message>
        <source>Who sees whose name</source>
        <translation>누가 누구의 이름을 보나요</translation>
    </message>
    <message>
        <source>Members may add others</source>
        <translation>멤버가 다른 사람을 추가할 수 있음</translation>
    </message>
    <message>
        <source>Off: only you add people.</source>
        <translation>끄면 나만 사람을 추가할 수 있습니다.</translation>
    </message>
    <message>
        <source>Each room is a blind room: members see each other only as an alias and the group A or B. You own every room (so you can move people, change the reveal or take someone out) and the members see that the room has an owner, under an alias too. You will not see who got which alias.</source>
        <translation>방마다 블라인드 방입니다. 멤버는 서로를 별명과 A/B 그룹으로만 봅니다. 모든 방의 방장은 나입니다(사람을 옮기거나 공개 설정을 바꾸거나 누군가를 내보낼 수 있습니다). 멤버들도 방장이 있다는 것을 보지만, 방장 역시 별명으로만 보입니다. 누가 어떤 별명을 받았는지는 나도 알 수 없습니다.</translation>
    </message>
    <message>
        <source>Nobody is put in a room with someone they blocked or who blocked them. Later rounds of the same series avoid pairs who already met; when that is impossible, you are told how many meet again.</source>
        <translation>차단했거나 차단당한 사람과는 같은 방에 넣지 않습니다. 같은 시리즈의 다음 회차는 이미 만난 사람끼리 다시 묶지 않으며, 피할 수 없을 때는 몇 쌍이 다시 만나는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Too few people for a room of %1.</source>
        <translation>%1명 방을 채울 만큼 사람이 없습니다.</translation>
    </message>
    <message>
        <source>Group %1 needs at least one person for every room.</source>
        <translation>%1 그룹은 방마다 한 명 이상 있어야 합니다.</translation>
    </message>
    <message>
        <source>Put everyone in group A or B (%1 still in neither).</source>
        <translation>모두 A나 B 그룹에 넣으세요 (아직 %1명이 그룹 없음).</translation>
    </message>
    <message>
        <source>One room of %1 people, and you own it.</source>
        <translation>%1명 방 1개, 방장은 나입니다.</translation>
    </message>
    <message>
        <source>%1 rooms of %2 people, and you own each of them.</source>
        <translation>%2명 방 %1개, 모든 방의 방장은 나입니다.</translation>
    </message>
    <message>
        <source>%1 rooms of %2 to %3 people, and you own each of them.</source>
        <translation>%2~%3명 방 %1개, 모든 방의 방장은 나입니다.</translation>
    </message>
</context>
<context>
    <name>DateFormat</name>
    <message>
        <source>ddd d MMM HH:mm</source>
        <translation>M월 d일 (ddd) HH:mm</translation>
    </message>
</context>
<context>
    <name>confab::client::Matching</name>
    <message>
        <source>Someone in the pool has no account here.</source>
        <translation>참가자 중 이 서버에 계정이 없는 사람이 있습니다.</translation>
    </message>
    <message>
        <source>No user named %1</source>
        <translation>%1 사용자가 없습니다</translation>
    </message>
    <message>
        <source>No arrangement keeps @%1 (and maybe others) out of a room with someone they blocked or who blocked them. Take them out of the pool, or make rooms of another size.</source>
        <translation>어떻게 나누어도 @%1님(다른 사람도 있을 수 있음)을 차단했거나 차단당한 사람과 다른 방에 둘 수 없습니다. 참가자에서 빼거나 방 인원을 바꾸세요.</translation>
    </message>
    <message>
        <source>There are fewer people than one room holds.</source>
        <translation>한 방을 채울 만큼 사람이 없습니다.</translation>
    </message>
    <message>
        <source>Group A needs at least one person for every room.</source>
        <translation>A 그룹은 방마다 한 명 이상 있어야 합니다.</translation>
    </message>
    <message>
        <source>Group B needs at least one person for every room.</source>
        <translation>B 그룹은 방마다 한 명 이상 있어야 합니다.</translation>
    </message>
    <message>
        <source>Add the people to match first.</source>
        <translation>먼저 매칭할 사람을 추가하세요.</translation>
    </message>
    <message>
        <source>The time of the reveal must be in the future, and at most a year ahead.</source>
        <translation>공개 시각은 미래여야 하고 1년 안이어야 합니다.</translation>
    </message>
    <message>
        <source>The title is too long for numbered rooms.</source>
        <translation>번호를 붙이기에는 제목이 너무 깁니다.</translation>
    </message>
    <message>
        <source>@%1 is in the pool twice.</source>
        <translation>@%1님이 참가자에 두 번 들어 있습니다.</translation>
    </message>
    <message>
        <source>At most %1 people can be matched at once.</source>
        <translation>한 번에 최대 %1명까지 매칭할 수 있습니다.</translation>
    </message>
    <message>
        <source>The rooms could not be made.</source>
        <translation>방을 만들지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>ExportSettings</name>
    <message>
        <source>Your data</source>
        <translation>내 데이터</translation>
    </message>
    <message>
        <source>Download a copy of your profile, the messages you can see and the files you sent, as a zip archive with a page that opens in any browser. In blind rooms others appear as you saw them.</source>
        <translation>프로필, 볼 수 있는 메시지, 보낸 파일을 어느 브라우저에서나 열리는 페이지와 함께 zip 압축 파일로 내려받습니다. 블라인드 방의 다른 사람은 내가 본 그대로 나옵니다.</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation>내 데이터 내보내기</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Save the archive of my data</source>
        <translation>내 데이터 압축 파일 저장</translation>
    </message>
    <message>
        <source>Preparing your archive… %1%</source>
        <translation>압축 파일을 준비하는 중… %1%</translation>
    </message>
    <message>
        <source>Your archive is ready (%1). The server keeps it until %2.</source>
        <translation>압축 파일이 준비되었습니다(%1). 서버는 %2까지 보관합니다.</translation>
    </message>
    <message>
        <source>Saving… %1%</source>
        <translation>저장하는 중… %1%</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>%1(으)로 저장했습니다</translation>
    </message>
</context>
<context>
    <name>confab::client::DataExport</name>
    <message>
        <source>The archive could not be downloaded. Please try again.</source>
        <translation>압축 파일을 내려받지 못했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The export could not be built. Please try again.</source>
        <translation>내보내기를 만들지 못했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server could not be reached. Please try again.</source>
        <translation>서버에 연결할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Please try again.</source>
        <translation>서버에 문제가 생겼습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Not connected: exporting needs the server.</source>
        <translation>연결되지 않았습니다: 내보내려면 서버가 필요합니다.</translation>
    </message>
    <message>
        <source>Could not save the archive as %1.</source>
        <translation>압축 파일을 %1(으)로 저장하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>PeopleSuggestions</name>
    <message>
        <source>People found</source>
        <translation>찾은 사람</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>찾은 사람이 없습니다</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>봇</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>비활성화됨</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>비활성화됨</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>봇</translation>
    </message>
</context>
<context>
    <name>DeleteAccountDialog</name>
    <message>
        <source>Delete your account?</source>
        <translation>계정을 삭제할까요?</translation>
    </message>
    <message>
        <source>This cannot be undone. Every device signs out, your profile is erased, and you leave your groups. Others see &quot;Deleted user&quot; in their conversations with you; whether your messages stay is up to your server.</source>
        <translation>되돌릴 수 없습니다. 모든 기기에서 로그아웃되고 프로필이 지워지며 그룹에서 나가게 됩니다. 다른 사람에게는 대화에서 &quot;탈퇴한 사용자&quot;로 보이며, 메시지를 남길지는 서버 설정에 따릅니다.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Type your username, %1, to confirm</source>
        <translation>확인을 위해 사용자 이름 %1을(를) 입력하세요</translation>
    </message>
    <message>
        <source>Your username, to confirm</source>
        <translation>확인용 사용자 이름</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>삭제하는 중…</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>계정 삭제</translation>
    </message>
    <message>
        <source>Delete my account for good</source>
        <translation>내 계정을 영구히 삭제</translation>
    </message>
</context>
<context>
    <name>confab::client::PeopleDirectory</name>
    <message>
        <source>Not connected: finding people needs the server.</source>
        <translation>연결되지 않음: 사람을 찾으려면 서버에 연결되어 있어야 합니다.</translation>
    </message>
    <message>
        <source>Too many searches. Please wait a moment.</source>
        <translation>검색이 너무 많습니다. 잠시 기다리세요.</translation>
    </message>
    <message>
        <source>People could not be found right now.</source>
        <translation>지금은 사람을 찾을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>confab::client::ConversationState</name>
    <message>
        <source>Deleted user</source>
        <translation>탈퇴한 사용자</translation>
    </message>
</context>
<context>
    <name>confab::client::AccountRemoval</name>
    <message>
        <source>Not connected: deleting the account needs the server.</source>
        <translation>연결되지 않음: 계정을 삭제하려면 서버에 연결되어 있어야 합니다.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>잘못된 비밀번호가 너무 많습니다. %n초 기다린 뒤 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password is not right.</source>
        <translation>비밀번호가 맞지 않습니다.</translation>
    </message>
    <message>
        <source>The server could not be reached. Please try again.</source>
        <translation>서버에 연결할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The account could not be deleted. Please try again.</source>
        <translation>계정을 삭제하지 못했습니다. 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>ProfileCard</name>
    <message>
        <source>Online</source>
        <translation>온라인</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>자리 비움</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <source>Profile of %1</source>
        <translation>%1님의 프로필</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (나)</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>봇</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <source>In this room everyone appears under an alias. Who is behind it stays hidden, so there is nothing more to show.</source>
        <translation>이 방에서는 모두 별명으로 나타납니다. 누구인지는 가려져 있어 더 보여 줄 것이 없습니다.</translation>
    </message>
    <message>
        <source>You block this person. Their messages are collapsed, and they cannot start a conversation with you.</source>
        <translation>이 사람을 차단했습니다. 이 사람의 메시지는 접혀 보이고, 이 사람은 나와 대화를 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>Unblock %1? Their messages show again, and they can start a conversation with you.</source>
        <translation>%1님의 차단을 해제할까요? 메시지가 다시 보이고, 이 사람이 나와 대화를 시작할 수 있습니다.</translation>
    </message>
    <message>
        <source>Block %1? They cannot start a direct conversation with you or add you to groups, and their messages are collapsed. They are not told.</source>
        <translation>%1님을 차단할까요? 이 사람은 나와 1:1 대화를 시작하거나 나를 그룹에 추가할 수 없고, 이 사람의 메시지는 접혀 보입니다. 상대에게는 알리지 않습니다.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>%1님에게 메시지</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>차단 해제</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>차단</translation>
    </message>
    <message>
        <source>Unblock %1</source>
        <translation>%1님 차단 해제</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>%1님 차단</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>BlockedMessageRow</name>
    <message>
        <source>Message from a blocked user</source>
        <translation>차단한 사용자의 메시지</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Show the message from a blocked user</source>
        <translation>차단한 사용자의 메시지 보기</translation>
    </message>
</context>
<context>
    <name>BlockedPeople</name>
    <message>
        <source>Blocked people</source>
        <translation>차단한 사람</translation>
    </message>
    <message>
        <source>You block nobody. To block someone, click their name or picture in a conversation.</source>
        <translation>차단한 사람이 없습니다. 누군가를 차단하려면 대화에서 그 사람의 이름이나 사진을 누르세요.</translation>
    </message>
    <message>
        <source>They cannot start a conversation with you or add you to groups, and their messages are collapsed. They are not told.</source>
        <translation>이 사람들은 나와 대화를 시작하거나 나를 그룹에 추가할 수 없고, 메시지는 접혀 보입니다. 상대에게는 알리지 않습니다.</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>차단 해제</translation>
    </message>
    <message>
        <source>Unblock %1</source>
        <translation>%1님 차단 해제</translation>
    </message>
</context>
<context>
    <name>confab::client::Blocks</name>
    <message>
        <source>Not connected: blocking needs the server.</source>
        <translation>연결되어 있지 않습니다. 차단하려면 서버에 연결되어야 합니다.</translation>
    </message>
    <message>
        <source>You block as many people as the server allows. Unblock someone first.</source>
        <translation>서버가 허용하는 만큼 차단했습니다. 먼저 누군가의 차단을 해제하세요.</translation>
    </message>
    <message>
        <source>That did not work. Please try again.</source>
        <translation>처리하지 못했습니다. 다시 시도해 주세요.</translation>
    </message>
</context>
<context>
    <name>confab::client::ConversationListModel</name>
    <message>
        <source>Message from a blocked user</source>
        <translation>차단한 사용자의 메시지</translation>
    </message>
</context>
<context>
    <name>AvatarPicker</name>
    <message>
        <source>Your picture</source>
        <translation>내 사진</translation>
    </message>
    <message>
        <source>No picture: your initials show</source>
        <translation>사진 없음: 이름 머리글자가 보입니다</translation>
    </message>
    <message>
        <source>Never shown in blind rooms.</source>
        <translation>블라인드 방에서는 보이지 않습니다.</translation>
    </message>
    <message>
        <source>Change picture…</source>
        <translation>사진 바꾸기…</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>사진 고르기…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>사진 지우기</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>사진 고르기</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.gif)</source>
        <translation>사진 (*.png *.jpg *.jpeg *.webp *.gif)</translation>
    </message>
</context>
<context>
    <name>confab::client::Avatars</name>
    <message>
        <source>This picture is too large.</source>
        <translation>사진이 너무 큽니다.</translation>
    </message>
    <message>
        <source>This file is not a picture Confab can read.</source>
        <translation>Confab이 읽을 수 있는 사진 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>This picture cannot be made small enough to send.</source>
        <translation>보낼 수 있을 만큼 사진을 줄이지 못했습니다.</translation>
    </message>
    <message>
        <source>Not connected: changing the picture needs the server.</source>
        <translation>연결되지 않았습니다: 사진을 바꾸려면 서버에 연결해야 합니다.</translation>
    </message>
    <message>
        <source>The server could not be reached. Please try again.</source>
        <translation>서버에 연결하지 못했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Please try again.</source>
        <translation>서버에 문제가 생겼습니다. 다시 시도하세요.</translation>
    </message>
</context>
</TS>
