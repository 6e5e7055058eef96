/*
 * The command line: each command is a function taking its own argv.
 * main.c parses the global options and dispatches.
 */
#ifndef TELEX_CLI_H
#define TELEX_CLI_H

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
	CLI_PARTIAL = 3
};

/* A query given on the command line, as a store filter. */
struct cli_filter {
	struct store_filter	 f;
	struct buf		 match;	/* FTS5 expression */
	char			*error;
	char			*text;	/* the words, joined by spaces */
	struct query		*query;	/* NULL: everything */
};

struct query;
int		 cli_filter_parse(struct cli_filter *, int, char **);
void		 cli_filter_free(struct cli_filter *);

/* An item as list prints it: fields without the newline; JSON keys. */
void		 cli_item_fields(const struct store_item *);
void		 cli_item_json_keys(struct buf *, int *,
		     const struct store_item *);

int		 cli_parse_count(const char *, size_t *);
int		 cli_json_only(int, char **);

struct store	*cli_store(struct cli *);
struct conf	*cli_conf(struct cli *);
void		 cli_error(const char *, ...)
		     __attribute__((format(printf, 1, 2)));
int		 cli_usage(const char *command);

int	 cli_add(struct cli *, int, char **);
int	 cli_rm(struct cli *, int, char **);
int	 cli_feeds(struct cli *, int, char **);
int	 cli_import(struct cli *, int, char **);
int	 cli_export(struct cli *, int, char **);
int	 cli_poll(struct cli *, int, char **);
int	 cli_list(struct cli *, int, char **);
int	 cli_show(struct cli *, int, char **);
int	 cli_stats(struct cli *, int, char **);
int	 cli_search(struct cli *, int, char **);
int	 cli_tag(struct cli *, int, char **);
int	 cli_tags(struct cli *, int, char **);
int	 cli_mark(struct cli *, int, char **);
int	 cli_saved(struct cli *, int, char **);
/* Read the rules of the configuration and give them to the store. */
int	 cli_rules_load(struct cli *, struct store *);
/* Read the configuration's rules into cli->rules once: 0, or -1 (said). */
int	 cli_rules_read(struct cli *);
int	 cli_rules(struct cli *, int, char **);
int	 cli_check(struct cli *, int, char **);
int	 cli_archive(struct cli *, int, char **);
int	 cli_clean(struct cli *, int, char **);
/* After a poll begun at since: archive-feed lines of the config. */
int	 cli_archive_after_poll(struct cli *, int64_t since);
/* For show and list (src/cli-archive.c). */
int	 cli_archive_show_page(struct store *, struct store_item *);
int	 cli_archive_show_links(struct store *, const struct store_item *);
void	 cli_archive_show_note(struct store *, const struct store_item *);
void	 cli_archive_json_flags(struct store *, struct buf *, int *,
	     int64_t);

#endif
