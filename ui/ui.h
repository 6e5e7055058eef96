/*
 * The reader: ncurses screens over the archive, for the command line's
 * main.c to open.  Its parts are declared in ui/ui-int.h.
 */
#ifndef TELEX_UI_H
#define TELEX_UI_H

#include "conf.h"
#include "store.h"

/*
 * Run the reader on st, the archive at db_path, with the config cf
 * (may be NULL; its ":" lines are added to it) until the user quits.  Returns 0, or -1 with *cause
 * set (caller frees).
 */
int	 ui_main(struct store *, struct conf *, const char *db_path,
	     char **cause);

#endif
