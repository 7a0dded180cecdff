<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting in %1 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out — sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n unread</numerusform>
            <numerusform>%1, %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, new conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>(%1) Confab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server yet; still trying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your server is running at %1. Create an account on it to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. joon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Design team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members (usernames, separated by commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joon, sora, hana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Create your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Confab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat with your team on your own server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. mina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How others see you, e.g. Mina Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite code (if the server asks for one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosting a server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host a server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>↓ %n new</source>
        <translation>
            <numerusform>↓ %n new</numerusform>
            <numerusform>↓ %n new</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::app::AppController</name>
    <message>
        <source>The server could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundled server was not found next to the app.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::app::ConversationFilterModel</name>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::client::ChatClient</name>
    <message>
        <source>Cannot open the local cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look up the members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some usernames were not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::client::MessageListModel</name>
    <message>
        <source>Former member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message numerus="yes">
        <source>Sent %n file(s)</source>
        <translation>
            <numerusform>Sent %n file</numerusform>
            <numerusform>Sent %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message numerus="yes">
        <source>Confab — %n unread</source>
        <translation>
            <numerusform>Confab — %n unread</numerusform>
            <numerusform>Confab — %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::app::AccountSessions</name>
    <message numerus="yes">
        <source>Active %n minute(s) ago</source>
        <translation>
            <numerusform>Active %n minute ago</numerusform>
            <numerusform>Active %n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Active %n hour(s) ago</source>
        <translation>
            <numerusform>Active %n hour ago</numerusform>
            <numerusform>Active %n hours ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadPane</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountSettings</name>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppearanceSettings</name>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>· Direct message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteMessageDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupSettingsDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsSections</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThreadPane</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageMeta</name>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewMessagesLine</name>
    <message>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuoteBlock</name>
    <message>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptsLine</name>
    <message>
        <source>Read by everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendFailure</name>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete unsent message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationFilter</name>
    <message>
        <source>Search…  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyConversation</name>
    <message>
        <source>Select a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Confab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one on the left, or press Ctrl+K to find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a conversation with someone on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations yet.
Press ✎ to start one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidebarHeader</name>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::client::PasswordChange</name>
    <message numerus="yes">
        <source>Too many wrong passwords. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Too many wrong passwords. Please wait %n second and try again.</numerusform>
            <numerusform>Too many wrong passwords. Please wait %n seconds and try again.</numerusform>
        </translation>
    </message>
</context>
</TS>
