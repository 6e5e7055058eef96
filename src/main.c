/*
 * telex's entry point: global options, the command table with each
 * command's help, and the archive opened on first use.
 */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#include "cli.h"
#include "store.h"
#include "util.h"
#include "xml.h"
#include "../ui/ui.h"

struct cli_command {
	const char	*name;
	int		(*fn)(struct cli *, int, char **);
	const char	*usage;
	const char	*help;
};

static const struct cli_command cli_commands[] = {
	{ "add", cli_add, "add [--no-check] [--local] [-t TAG]... URL",
	  "Subscribe to a feed: RSS, Atom or JSON Feed.  Given a web\n"
	  "page, telex fetches it and subscribes to the feed it links to.\n"
	  "-t gives the feed a tag (repeatable); --no-check subscribes\n"
	  "without fetching first.  exec:COMMAND is a feed written by a\n"
	  "command (/bin/sh -c) at each poll; filter:COMMAND:URL fetches\n"
	  "URL and passes the body through the command.  A password in\n"
	  "the URL (https://ann:pw@host/) is kept in the archive and shown\n"
	  "as ***; the config lines \"feed N auth basic USER\" and \"feed N\n"
	  "password-command CMD\" keep it out.  With a sync server, the\n"
	  "server subscribes to a web feed (and fetches it); --local\n"
	  "subscribes here only." },
	{ "rm", cli_rm, "rm [--purge] [--local] FEED",
	  "Unsubscribe from a feed, by id or URL.  Its items stay in the\n"
	  "archive unless --purge is given.  A feed synced with a server\n"
	  "is unsubscribed there too, unless --local." },
	{ "feeds", cli_feeds, "feeds [--json]",
	  "List subscriptions: id, URL, title, items, unread, the state\n"
	  "of the last poll and the kind of feed (http, file, exec or\n"
	  "filter), one feed a line, tab-separated." },
	{ "import", cli_import, "import [--allow-exec] [--allow-local] [--local]"
	  " FILE|- |"
	  " import --newsboat [DIR] |"
	  " import --sync FILE|- [--purge] [--allow-exec] [--allow-local]",
	  "Subscribe to every feed in an OPML file (folders become tags)\n"
	  "or a newsboat urls file (tags kept).  Feeds that run commands\n"
	  "(exec:, filter:) are skipped unless --allow-exec is given, and\n"
	  "file:// feeds unless --allow-local; each skipped feed is listed\n"
	  "with the reason.  With a sync server, the server subscribes\n"
	  "to the web feeds too, unless --local.\n"
	  "--newsboat moves a newsboat setup over (DIR, else ~/.newsboat,\n"
	  "else $XDG_CONFIG_HOME/newsboat and $XDG_DATA_HOME/newsboat):\n"
	  "the urls file's feeds, tags, ~titles and query feeds (as saved\n"
	  "searches), every item of cache.db with its read, flagged\n"
	  "(starred, tag flag-X) and deleted (hidden) state, and the\n"
	  "config's ignore-article, bind-key, color, browser, reload-time,\n"
	  "max-items, keep-articles-days, user-agent and proxy lines,\n"
	  "appended to telex's config; then a report with every line left\n"
	  "out and why.  A second run adds nothing twice.\n"
	  "--sync makes the subscriptions equal to FILE (urls or OPML):\n"
	  "missing feeds added, feeds not in it removed (their items kept\n"
	  "unless --purge), tags and ~titles as listed; a file with exec:,\n"
	  "filter: or file:// feeds is refused without the --allow flags." },
	{ "export", cli_export, "export [--urls]",
	  "Write the subscriptions as OPML 2.0 on standard output, or with\n"
	  "--urls as a newsboat urls file (tags, \"~Title\" where a title\n"
	  "was given)." },
	{ "poll", cli_poll, "poll [--wait] [-j N] [FEED...]",
	  "Fetch feeds (all, or those named by id or URL) and store new\n"
	  "and changed items.  -j sets how many transfers run at once\n"
	  "(default 8).  Feeds in back-off after failures, and feeds a\n"
	  "\"feed FEED poll-interval TIME\" line says are not due, are\n"
	  "skipped unless named.  Config lines \"feed FEED OPTION VALUE\"\n"
	  "give a feed its own user-agent, header, auth basic USER,\n"
	  "password-command, cookie-file, proxy, keep, archive and tags;\n"
	  "\"set user-agent|proxy|cookie-file\" apply to all (see\n"
	  "telex.conf(5)).  One poll of an archive runs at a time: another\n"
	  "fails at once, or with --wait waits for the first to end.\n"
	  "Exit status 3 when any feed failed." },
	{ "sync", cli_sync, "sync [--status]",
	  "Sync with the Tiny Tiny RSS server of the config's line\n"
	  "\"sync ttrss URL USER\" (the password comes from\n"
	  "\"sync-password-command CMD\"): changes made here are sent,\n"
	  "the server's feeds and new articles stored, and read, starred\n"
	  "and labels (tags here) taken from it where nothing changed\n"
	  "here since the last sync.  telex poll syncs too.  --status\n"
	  "prints the server, its API level, the last sync, the changes\n"
	  "waiting to be sent and the tags that have no label there." },
	{ "list", cli_list, "list [--json] [-n N] [--exec COMMAND "
	  "[--keep-going]] [QUERY]",
	  "Print matching items, newest first:\n"
	  "ID, date, feed, flags (N unread, * starred) and title.\n"
	  "--exec runs COMMAND with /bin/sh once per item instead, the\n"
	  "item in TELEX_ID, TELEX_URL, TELEX_TITLE, TELEX_FEED,\n"
	  "TELEX_AUTHOR, TELEX_DATE, TELEX_TAGS and TELEX_ENCLOSURE; the\n"
	  "first failure stops it unless --keep-going (exit status 3).\n"
	  "QUERY: words (all must match), \"a phrase\", prefix*,\n"
	  "title:W, author:W, feed:TEXT, tag:NAME, is:unread|read|\n"
	  "starred|archived|downloaded|hidden, has:enclosure,\n"
	  "after:2026-11-01, before:2026-11,\n"
	  "date:7d (2w, 3m, 1y, or a day, month or year), id:N; OR,\n"
	  "NOT or -term, and parentheses.  Hidden items only with\n"
	  "is:hidden.  See QUERIES in telex(1)." },
	{ "search", cli_search, "search [--all] [--json] [-n N] QUERY",
	  "Print the items matching QUERY, most relevant first (title\n"
	  "words count most, recent items a little more), 20 unless -n\n"
	  "says otherwise, each with a snippet: matched words in bold on\n"
	  "a terminal, in [brackets] as a sixth field in a pipe, and as\n"
	  "character offsets in --json.  QUERY as for list.  The newest\n"
	  "2,000 matches are ranked, so a common word is as quick as a\n"
	  "rare one; --all ranks every match (slower on a big archive),\n"
	  "and before:, feed: or tag: reach further back." },
	{ "tag", cli_tag, "tag +TAG... -TAG... [--] QUERY",
	  "Add (+) and remove (-) tags on every item matching QUERY, in\n"
	  "one transaction.  Tag names have no spaces; case does not\n"
	  "matter and the first spelling is kept." },
	{ "tags", cli_tags, "tags [--json]",
	  "List tags: name, items (tagged, or in a tagged feed), feeds." },
	{ "mark", cli_mark, "mark read|unread|star|unstar|hide|unhide QUERY",
	  "Set a flag on every item matching QUERY.  Hidden items are\n"
	  "left out of lists and searches unless the query says is:hidden." },
	{ "saved", cli_saved, "saved [--json] | saved add NAME QUERY |"
	  " saved rm NAME",
	  "List saved searches with the items each finds now, save a\n"
	  "query under a name (replacing one of that name), or remove one." },
	{ "rules", cli_rules, "rules [--json] | rules apply [QUERY]",
	  "List the rule lines of the configuration: number, line, query\n"
	  "and actions.  rules apply runs them, in order, over the items\n"
	  "already in the archive (those QUERY matches, else all, hidden\n"
	  "ones too), as poll does for new items, and prints how many\n"
	  "items each rule matched." },
	{ "show", cli_show, "show [--html|--links|--json] ID",
	  "Print an item: title, a meta line (feed, author, date, URL),\n"
	  "then its text (or its stored HTML with --html).  An archived\n"
	  "page's article replaces the feed's text.  --links follows the\n"
	  "text with its numbered links: [1] URL.  --json prints one\n"
	  "object: the item's keys as list --json gives them, text, links\n"
	  "[{n, url, text}] and enclosures [{url, type, length}]." },
	{ "archive", cli_archive, "archive [-j N] [--reclean] QUERY",
	  "Download the web pages of the items QUERY matches, clean each\n"
	  "into its article and keep it: from then on show and search use\n"
	  "the whole article.  Pages already kept are asked for again only\n"
	  "if changed.  -j sets how many transfers run at once (default 8).\n"
	  "--reclean runs the cleaner again over the stored pages and feed\n"
	  "text of the matching items (all without QUERY), no network.\n"
	  "The config line \"feed FEED archive yes\" (or the older\n"
	  "\"archive-feed FEED\") makes telex poll archive new items of\n"
	  "that feed.  Exit status 3 when a page failed." },
	{ "download", cli_download, "download [-j N] [-o DIR] QUERY",
	  "Fetch the enclosures (podcasts, videos, files) of the items\n"
	  "QUERY matches into DIR (else set download-dir, else\n"
	  "~/Downloads), -j at once.  A file is NAME.part until whole; a\n"
	  "broken download resumes where it stopped; a name already taken\n"
	  "gets a number, never overwriting another file.  is:downloaded\n"
	  "and has:enclosure find them.  Exit status 3 when one failed." },
	{ "prune", cli_prune, "prune [--dry-run] QUERY",
	  "Delete the items QUERY matches for good, with their pages, tags\n"
	  "and index entries, and shrink the archive.  Starred items go\n"
	  "only when QUERY says is:starred, items with tags of their own\n"
	  "only when it names a tag:; hidden items go too.  A feed that\n"
	  "still lists a pruned item never brings it back.  --dry-run\n"
	  "says what would go.  The config line \"keep QUERY AGE|COUNT\"\n"
	  "(keep feed:gazette 30d, keep tag:sport 500, keep all 365d)\n"
	  "prunes after every poll." },
	{ "check", cli_check, "check [--repair]",
	  "Check that the archive is whole: every page and index, and the\n"
	  "search index against the items.  --repair rebuilds the search\n"
	  "index first.  Exit status 2 when something is damaged." },
	{ "stats", cli_stats, "stats [--json]",
	  "Print counts of feeds, items, unread, starred and tags, the\n"
	  "archive's size and the time of the last poll." },
	{ "clean", cli_clean,
	  "clean [--url URL] [--fragment] [--text | --json] [FILE|-]",
	  "Run the cleaner on an HTML file (or standard input) and print\n"
	  "what would be stored: the headline, a blank line and the\n"
	  "article's text.  --text prints the text alone; --json prints\n"
	  "one object: title, authors, byline, published, modified, site,\n"
	  "lang, url, image {url, alt}, text, numbered (the text with [n]\n"
	  "after links) and links [{n, url, text}].  --url gives the\n"
	  "page's address for its links; --fragment treats the input as a\n"
	  "feed item's content (no headline, no article extraction)." },
};

static void
cli_print_usage(FILE *f)
{
	size_t	 i;

	fprintf(f, "usage: telex [-d DB] [-c CONFIG] [COMMAND [ARGS...]]\n\n"
	    "With no command, telex opens the reader (? in it lists the "
	    "keys).\n\n"
	    "commands:\n");
	for (i = 0; i < UTIL_ARRLEN(cli_commands); i++)
		fprintf(f, "  telex %s\n", cli_commands[i].usage);
	fprintf(f, "\noptions:\n"
	    "  -d, --db DB          archive file (default: $TELEX_DB, else\n"
	    "                       $XDG_DATA_HOME/telex/archive.db)\n"
	    "  -c, --config CONFIG  configuration file\n"
	    "  -h, --help           this help; telex COMMAND --help for one\n"
	    "  -V, --version        print the version\n\n"
	    "Exit status: 0 ok, 1 usage, 2 failure, 3 some feeds failed.\n"
	    "See telex(1) for the whole manual.\n");
}

static const struct cli_command *
cli_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(cli_commands); i++) {
		if (strcmp(cli_commands[i].name, name) == 0)
			return (&cli_commands[i]);
	}
	return (NULL);
}

/* Print a command's help (to stdout) and return CLI_OK. */
static int
cli_help(const char *command)
{
	const struct cli_command *c;

	if ((c = cli_find(command)) == NULL) {
		cli_print_usage(stdout);
		return (CLI_OK);
	}
	printf("usage: telex %s\n\n%s\n", c->usage, c->help);
	return (CLI_OK);
}

/* A usage error in command: say how it is used; returns CLI_USAGE. */
static int
cli_usage(const char *command)
{
	const struct cli_command *c;

	if ((c = cli_find(command)) != NULL)
		fprintf(stderr, "usage: telex %s\n", c->usage);
	else
		cli_print_usage(stderr);
	return (CLI_USAGE);
}

/* The archive's path: -d, else $TELEX_DB, else the XDG data directory. */
static char *
cli_default_db(void)
{
	const char	*env;

	if ((env = getenv("TELEX_DB")) != NULL && *env != '\0')
		return (xstrdup(env));
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		return (xasprintf("%s/telex/archive.db", env));
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return (xasprintf("%s/.local/share/telex/archive.db", env));
	return (NULL);
}

/* Does argv hold --help or -h before any "--"? */
static int
cli_wants_help(int argc, char **argv)
{
	int	 i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return (0);
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return (1);
	}
	return (0);
}

static int
cli_dispatch(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *c;
	int			 rc;

	if (strcmp(argv[0], "help") == 0)
		return (cli_help(argc > 1 ? argv[1] : ""));
	if ((c = cli_find(argv[0])) == NULL) {
		cli_error("unknown command \"%s\"; telex --help lists them",
		    argv[0]);
		return (CLI_USAGE);
	}
	if (cli_wants_help(argc, argv))
		return (cli_help(c->name));
	optind = 0;
	if ((rc = c->fn(cli, argc, argv)) == CLI_SHOW_USAGE)
		rc = cli_usage(c->name);
	return (rc);
}

/* With no command: the reader on a terminal, else the newest items. */
static int
cli_default(struct cli *cli)
{
	char	*argv[] = { (char *)"list", (char *)"-n", (char *)"20", NULL };
	char	*cause = NULL;
	struct store *st;

	if (cli->tty_out && isatty(STDIN_FILENO)) {
		if ((st = cli_store(cli)) == NULL)
			return (CLI_FAILURE);
		if (ui_main(st, cli_conf(cli), cli->db_path, &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
			return (CLI_FAILURE);
		}
		return (CLI_OK);
	}
	optind = 0;
	return (cli_list(cli, 3, argv));
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli	 cli;
	char		*db = NULL;
	int		 ch, rc;

	memset(&cli, 0, sizeof cli);
	while ((ch = getopt_long(argc, argv, "+d:c:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			cli.db_path = optarg;
			break;
		case 'c':
			cli.config_path = optarg;
			break;
		case 'h':
			cli_print_usage(stdout);
			return (CLI_OK);
		case 'V':
			printf("telex %s\n", PACKAGE_VERSION);
			return (CLI_OK);
		default:
			cli_print_usage(stderr);
			return (CLI_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (cli.db_path == NULL)
		cli.db_path = db = cli_default_db();
	/* Past a file size limit, writes fail (and say so) instead. */
	signal(SIGXFSZ, SIG_IGN);
	cli.tty_out = isatty(STDOUT_FILENO);
	cli.tty_err = isatty(STDERR_FILENO);
	rc = argc == 0 ? cli_default(&cli) : cli_dispatch(&cli, argc, argv);
	if (cli.store != NULL)
		store_close(cli.store);
	rules_free(cli.rules);
	conf_free(cli.conf);
	xml_unload();
	free(db);
	return (rc);
}
