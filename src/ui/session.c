/*
 * session.c - see session.h.  The clerk lives in the db's actor, set by
 * clerk_signin(), so there is one truth about who is acting.
 */
#include <config.h>

#include <stddef.h>

#include "ui/session.h"

static struct db *the_db;

struct db *
session_db(void)
{
	return the_db;
}

void
session_set_db(struct db *db)
{
	the_db = db;
}

long long
session_clerk_id(void)
{
	return the_db ? db_actor_clerk(the_db) : 0;
}

const char *
session_clerk_name(void)
{
	const char *s = the_db ? db_actor(the_db) : NULL;

	return s ? s : "";
}

int
session_is_manager(void)
{
	return the_db ? db_actor_is_manager(the_db) : 0;
}
