/*
 * telex check: prove the archive is whole (every page, every index, the
 * search index against the items, lost texts), and with --repair mend
 * what can be mended (indexes, search index, lost texts).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"

int
cli_check(struct cli *cli, int argc, char **argv)
{
	struct store_stats	 s;
	struct store		*st;
	char			*report = NULL;
	int			 rc, repair = 0;

	if (argc == 2 && strcmp(argv[1], "--repair") == 0)
		repair = 1;
	else if (argc != 1)
		return (CLI_SHOW_USAGE);
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if (repair && store_repair_index(st) != 0) {
		cli_error("--repair cannot mend the archive %s: %s; restore a "
		    "backup, or copy out what is readable with sqlite3 %s "
		    ".recover | sqlite3 NEW", cli->db_path, store_errmsg(st),
		    cli->db_path);
		return (CLI_FAILURE);
	}
	if (repair)
		printf("repaired: indexes and search index rebuilt, lost texts "
		    "kept empty until their feed's next poll\n");
	if ((rc = store_check(st, &report)) < 0) {
		cli_error("cannot check the archive: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	if (rc > 0) {
		fputs(report, stdout);
		free(report);
		cli_error(repair ? "the archive %s is still damaged (see above)"
		    : "the archive %s is damaged (see above)", cli->db_path);
		return (CLI_FAILURE);
	}
	if (store_stats(st, &s) != 0) {
		cli_error("cannot count the archive: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	printf("archive ok: %lld feeds, %lld items, search index in step\n",
	    (long long)s.feeds, (long long)s.items);
	return (CLI_OK);
}
