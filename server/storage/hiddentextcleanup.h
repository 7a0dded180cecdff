#pragma once

namespace confab::server {

class Database;

//! Schema version 8: names stored before the protocol refused invisible characters (text.h) lose
//! them, so that every name the server sends still passes the rule that clients check. Display
//! names, conversation titles and descriptions, attachment names, and the same fields inside the
//! event log's payloads; message bodies keep their text.
void removeHiddenCharactersFromNames(Database &db);

} // namespace confab::server
