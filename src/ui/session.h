/*
 * session.h - who is at the terminal and on which database: the one
 * piece of state every screen shares.
 *
 * The shell (shell.c) opens the database and signs a clerk in before the
 * first screen opens, so a screen's callbacks can rely on session_db()
 * and on the clerk being the database's actor (db_actor()).  Screens call
 * the model with session_db(); they never keep a transaction open while
 * waiting for a key.
 */
#ifndef COOPSTOCK_UI_SESSION_H
#define COOPSTOCK_UI_SESSION_H

#include "db/db.h"

/* The open database (NULL before the shell set it). */
struct db *session_db(void);

/* Set the database (borrowed: the shell closes it). */
void session_set_db(struct db *db);

/* The signed-in clerk's id (0 when none), name ("" when none) and
 * whether the clerk is a manager; read from db_actor*(). */
long long session_clerk_id(void);
const char *session_clerk_name(void);
int session_is_manager(void);

#endif
