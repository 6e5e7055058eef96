/*
 * The command line: each command is a function taking its own argv, run
 * by main.c's command table; src/cli-util.c holds what the commands share
 * (the archive opened on first use, errors, progress and item lines).
 */
#ifndef TELEX_CLI_H
#define TELEX_CLI_H

#include "archive.h"
#include "conf.h"
#include "rules.h"
#include "store.h"
#include "util.h"

struct cli {
	const char	*db_path;
	const char	*config_path;
	struct store	*store;		/* opened on first use */
	struct conf	*conf;		/* read on first use */
	struct rules	*rules;		/* the config's rules, once read */
	int		 tty_out;	/* stdout is a terminal */
	int		 tty_err;	/* stderr is a terminal */
};

enum {
	CLI_OK = 0,
	CLI_USAGE = 1,
	CLI_FAILURE = 2,
	CLI_PARTIAL = 3,
	CLI_SHOW_USAGE = 64	/* main.c prints the command's usage: 1 */
};

/* The commands (src/cli-*.c). */
int	 cli_add(struct cli *, int, char **);
int	 cli_rm(struct cli *, int, char **);
int	 cli_feeds(struct cli *, int, char **);
int	 cli_import(struct cli *, int, char **);
int	 cli_export(struct cli *, int, char **);
/* import --newsboat and --sync (src/cli-newsboat.c); -1: neither. */
int	 cli_import_newsboat_maybe(struct cli *, int, char **);
int	 cli_export_urls(struct cli *);
int	 cli_poll(struct cli *, int, char **);
int	 cli_list(struct cli *, int, char **);
int	 cli_show(struct cli *, int, char **);
int	 cli_stats(struct cli *, int, char **);
int	 cli_search(struct cli *, int, char **);
int	 cli_tag(struct cli *, int, char **);
int	 cli_tags(struct cli *, int, char **);
int	 cli_mark(struct cli *, int, char **);
int	 cli_saved(struct cli *, int, char **);
/* The rules of the config and telex rules (src/cli-rules.c). */
int	 cli_rules(struct cli *, int, char **);
int	 cli_check(struct cli *, int, char **);
int	 cli_archive(struct cli *, int, char **);
int	 cli_clean(struct cli *, int, char **);
int	 cli_prune(struct cli *, int, char **);
int	 cli_download(struct cli *, int, char **);
int	 cli_sync(struct cli *, int, char **);
/* The config's sync line (src/cli-sync.c): 0, 1 when none, -1 said. */
struct sync_config;
struct poll_options;
int	 cli_sync_setup(struct cli *, struct sync_config *,
	     struct poll_options *, int quiet);

/* The archive and the config, opened on first use; NULL said why. */
struct store	*cli_store(struct cli *);
struct conf	*cli_conf(struct cli *);
/* "telex: ..." on stderr, after what stdout holds. */
void		 cli_error(const char *, ...)
		     __attribute__((format(printf, 1, 2)));

int		 cli_parse_count(const char *, size_t *);
int		 cli_parse_jobs(const char *, int max, int *);
int		 cli_json_only(int, char **);

/* An item as list prints it: fields without the newline; JSON keys. */
void		 cli_item_fields(const struct store_item *);
void		 cli_item_json_keys(struct buf *, int *,
		     const struct store_item *);
void		 cli_enclosures_json(struct buf *, int *,
		     const struct store_item *);

/* A progress bar on stderr when it is a terminal. */
struct cli_bar {
	int	 on;
	int	 drawn;
	double	 last;
};
void		 cli_bar_init(struct cli_bar *, int tty);
void		 cli_bar_draw(struct cli_bar *, size_t done, size_t total,
		     const char *unit, size_t new_ones, size_t failed);
void		 cli_bar_clear(struct cli_bar *);
/* A sync's progress on the bar's line (src/cli-sync.c). */
void		 cli_sync_draw(struct cli_bar *, size_t articles,
		     size_t new_items);
void		 cli_page_failure(struct buf *, const struct archive_failure *);

#endif
