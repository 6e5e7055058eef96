/*
 * The configuration's rules from the shell: rules lists them, rules
 * apply runs them over the items already in the archive.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "conf.h"
#include "json.h"
#include "query.h"
#include "rules.h"
#include "store.h"
#include "util.h"

/* Read the config's rules into cli->rules once: 0, or -1 (said). */
static int
cli_rules_read(struct cli *cli)
{
	struct conf	*cf;
	char		*cause = NULL;

	if (cli->rules != NULL)
		return (0);
	if ((cf = cli_conf(cli)) == NULL)
		return (-1);
	if (rules_load(cf, &cli->rules, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return (-1);
	}
	return (0);
}

/* Say there is nothing to list or apply, and how to write a rule. */
static void
cli_rules_none(struct cli *cli)
{
	cli_error("no rules in %s: add lines like rule \"title:sponsored "
	    "OR feed:ads\" +ads read hide (actions +tag -tag read star "
	    "hide; see RULES in telex(1))", cli->conf->path);
}

static void
cli_rules_json(const struct rules *rules, size_t i)
{
	const struct store_rule	*r;
	struct buf		 b;
	int			 line, first = 1;

	r = rules_get(rules, i, &line);
	buf_init(&b, 0);
	buf_addc(&b, '{');
	json_key_int(&b, &first, "rule", (int64_t)i + 1);
	json_key_int(&b, &first, "line", line);
	json_key_string(&b, &first, "query", rules_query_text(rules, i));
	json_key_strings(&b, &first, "add", r->add, r->nadd);
	json_key_strings(&b, &first, "remove", r->remove, r->nremove);
	json_key_bool(&b, &first, "read", r->read);
	json_key_bool(&b, &first, "star", r->star);
	json_key_bool(&b, &first, "hide", r->hide);
	buf_adds(&b, "}\n");
	fputs(b.data, stdout);
	buf_free(&b);
}

/* Rule number, line, query and actions, tab-separated. */
static void
cli_rules_line(const struct rules *rules, size_t i)
{
	struct buf	 b;
	char		*query;
	int		 line;

	rules_get(rules, i, &line);
	query = util_display_safe(rules_query_text(rules, i));
	buf_init(&b, 0);
	rules_actions(rules, i, &b);
	printf("%zu\t%d\t%s\t%s\n", i + 1, line, query, b.data);
	buf_free(&b);
	free(query);
}

static int
cli_rules_list(struct cli *cli, int json)
{
	size_t	 i, n;

	if (cli_rules_read(cli) != 0)
		return (CLI_USAGE);
	if ((n = rules_count(cli->rules)) == 0)
		cli_rules_none(cli);
	for (i = 0; i < n; i++) {
		if (json)
			cli_rules_json(cli->rules, i);
		else
			cli_rules_line(cli->rules, i);
	}
	return (CLI_OK);
}

/* One rule applied: rule 1 (line 4) "title:sponsored": 12 items. */
static void
cli_rules_applied(size_t i, int line, const char *query_text,
    int64_t touched, void *arg)
{
	char	*query;

	(void)arg;
	query = util_display_safe(query_text);
	printf("rule %zu (line %d) \"%s\": %" PRId64 " item%s\n", i + 1, line,
	    query, touched, touched == 1 ? "" : "s");
	free(query);
}

static int
cli_rules_apply(struct cli *cli, int argc, char **argv)
{
	struct query_filter	 cf;
	struct store		*st;
	int			 rc = CLI_USAGE;

	if (query_filter_words(&cf, argc, argv) != 0) {
		cli_error("%s", cf.error);
		goto out;
	}
	if (cli_rules_read(cli) != 0)
		goto out;
	rc = CLI_OK;
	if (rules_count(cli->rules) == 0) {
		cli_rules_none(cli);
		goto out;
	}
	rc = CLI_FAILURE;
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if (rules_apply(st, cli->rules, cf.query, cli_rules_applied,
	    NULL) != 0) {
		cli_error("cannot apply the rules: %s", store_errmsg(st));
		goto out;
	}
	rc = CLI_OK;
out:
	query_filter_free(&cf);
	return (rc);
}

int
cli_rules(struct cli *cli, int argc, char **argv)
{
	int	 json;

	if (argc > 1 && strcmp(argv[1], "apply") == 0)
		return (cli_rules_apply(cli, argc - 2, argv + 2));
	if ((json = cli_json_only(argc, argv)) < 0)
		return (CLI_SHOW_USAGE);
	return (cli_rules_list(cli, json));
}
