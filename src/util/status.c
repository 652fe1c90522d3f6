/*
 * status.c - message and name tables generated from STATUS_LIST, so a new
 * status cannot be added without its message.
 */
#include <config.h>

#include "util/i18n.h"
#include "util/status.h"

static const char *const messages[] = {
#define STATUS_MSG(name, msg) N_(msg),
	STATUS_LIST(STATUS_MSG)
#undef STATUS_MSG
};

static const char *const names[] = {
#define STATUS_NAME(name, msg) #name,
	STATUS_LIST(STATUS_NAME)
#undef STATUS_NAME
};

const char *
status_message(enum status s)
{
	if ((unsigned)s >= ST__COUNT)
		return messages[ST_ERROR];
	return messages[s];
}

const char *
status_name(enum status s)
{
	if ((unsigned)s >= ST__COUNT)
		return "?";
	return names[s];
}
