/*
 * Unit tests for src/store-rank.c: snippets cut from a text and the hits
 * the ranking pass kept (table-driven), and BM25 scores agreeing with
 * FTS5's own bm25() where every document count is exact.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store-stem.h"
#include "util.h"

struct snippet_case {
	const char	*text;
	const char	*hits;		/* "COL:PHRASE:OFFSET:SIZE ..." */
	int		 col;
	int		 words;		/* 0: the whole text */
	const char	*want;
};

#define TWENTY	"w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15" \
	" w16 w17 w18 w19"

static const struct snippet_case snippet_cases[] = {
	/* A title, whole, its hit marked. */
	{ "Night ferry returns", "0:0:1:1", 0, 0, "Night [ferry] returns" },
	/* A phrase is one mark over its words. */
	{ "to the outer islands today", "2:0:2:2", 2, 0,
	  "to the [outer islands] today" },
	/* Cut round the hit, a quarter of the words before it. */
	{ TWENTY, "2:0:12:1", 2, 6, "…w11 [w12] w13 w14 w15 w16…" },
	{ TWENTY, "2:0:12:1", 2, 12, "…w9 w10 w11 [w12] w13 w14 w15 w16 w17"
	  " w18 w19" },
	/* ...unless a sentence opens a little before. */
	{ "a b c. D e f g h i j k", "2:0:6:1", 2, 4, "…D e f [g] h i…" },
	/* ...or at the hit itself. */
	{ "p q r s t. Ferry u v w", "2:0:5:1", 2, 3, "…[Ferry] u v…" },
	/* The window with the most different phrases wins. */
	{ TWENTY, "2:0:2:1 2:0:15:1 2:1:17:1", 2, 6,
	  "…w14 [w15] w16 [w17] w18 w19" },
	/* Then the one with the most hits. */
	{ TWENTY, "2:0:2:1 2:0:10:1 2:0:11:1", 2, 5,
	  "…w9 [w10] [w11] w12 w13…" },
	/* A phrase running past the window is kept whole. */
	{ TWENTY, "2:0:3:4", 2, 3, "w0 w1 w2 [w3 w4 w5 w6]…" },
	/* No hit in the column: its first words. */
	{ "one two three four five", "", 2, 3, "one two three…" },
	{ "one two three four five", "0:0:1:1", 2, 3, "one two three…" },
	/* White space of any kind and length becomes one space. */
	{ "one\n\n  two\tthree", "2:0:1:1", 2, 0, "one [two] three" },
	{ "Lead.\n\nSecond paragraph starts here and goes on", "2:0:2:1", 2, 4,
	  "…Second [paragraph] starts here…" },
	/* Words in other scripts, and punctuation kept as written. */
	{ "Переговоры в Минске продолжаются", "2:0:0:1", 2, 0,
	  "[Переговоры] в Минске продолжаются" },
	{ "Le «quai» rénové, enfin !", "2:0:1:1", 2, 0,
	  "Le «[quai]» rénové, enfin !" },
	{ "", "2:0:0:1", 2, 5, "" },
	/* Hits past the text's end (a stale row) leave it unmarked. */
	{ "a b c", "2:0:9:1", 2, 2, "" },
};

static struct sqlite3 *
open_db(void)
{
	sqlite3	*db = NULL;

	assert_int_equal(store_stem_setup(), 0);
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	return (db);
}

/* Pack "COL:PHRASE:OFFSET:SIZE ..." as telex_hits does. */
static void *
pack_hits(const char *text, int *size)
{
	int32_t		*out = NULL, v[4];
	size_t		 n = 0;
	const char	*p = text;
	int		 used;

	while (sscanf(p, " %d:%d:%d:%d%n", &v[0], &v[1], &v[2], &v[3],
	    &used) == 4) {
		out = xreallocarray(out, n + 4, sizeof *out);
		memcpy(out + n, v, sizeof v);
		n += 4;
		p += used;
	}
	*size = (int)(n * sizeof *out);
	return (out);
}

static void
test_snippets(void **state)
{
	const struct snippet_case	*c;
	sqlite3				*db = open_db();
	sqlite3_stmt			*s;
	const char			*got;
	void				*hits;
	size_t				 i;
	int				 size;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT telex_snippet(?1, ?2,"
	    " ?3, '[', ']', '…', ?4)", -1, &s, NULL), SQLITE_OK);
	for (i = 0; i < UTIL_ARRLEN(snippet_cases); i++) {
		c = &snippet_cases[i];
		hits = pack_hits(c->hits, &size);
		sqlite3_bind_text(s, 1, c->text, -1, SQLITE_STATIC);
		sqlite3_bind_blob(s, 2, hits, size, SQLITE_STATIC);
		sqlite3_bind_int(s, 3, c->col);
		sqlite3_bind_int(s, 4, c->words);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		got = (const char *)sqlite3_column_text(s, 0);
		if (strcmp(got != NULL ? got : "", c->want) != 0)
			fail_msg("case %zu (%s): got \"%s\", wanted \"%s\"", i,
			    c->hits, got, c->want);
		sqlite3_reset(s);
		free(hits);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/*
 * With fewer matches than the cap, every count is exact and telex_rank
 * is FTS5's bm25(); hits come in document order with phrase sizes.
 */
static void
test_rank(void **state)
{
	static const char	*docs[] = {
		"the ferry sails at dawn", "ferry ferry ferry",
		"no boats today", "the night ferry to the outer islands",
		"islands and more islands with a ferry",
	};
	sqlite3		*db = open_db();
	sqlite3_stmt	*s;
	size_t		 i;
	int		 rows = 0;

	assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING"
	    " fts5(a, b, tokenize = 'telex')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1,"
	    " 'x')", -1, &s, NULL), SQLITE_OK);
	for (i = 0; i < UTIL_ARRLEN(docs); i++) {
		sqlite3_bind_text(s, 1, docs[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(s), SQLITE_DONE);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT bm25(t, 3.0, 1.0),"
	    " telex_rank(t, (SELECT telex_idf(t, 5) FROM t WHERE t MATCH ?1"
	    " LIMIT 1), 3.0, 1.0), length(telex_hits(t)), rowid FROM t"
	    " WHERE t MATCH ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, "ferry AND \"outer islands\"", -1,
	    SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		rows++;
		assert_true(sqlite3_column_double(s, 0) < 0.0);
		if (sqlite3_column_double(s, 0) - sqlite3_column_double(s, 1) >
		    1e-9 || sqlite3_column_double(s, 1) -
		    sqlite3_column_double(s, 0) > 1e-9)
			fail_msg("row %d: bm25 %f, telex_rank %f",
			    sqlite3_column_int(s, 3),
			    sqlite3_column_double(s, 0),
			    sqlite3_column_double(s, 1));
		/* "ferry" and the phrase: two hits of 16 bytes. */
		assert_int_equal(sqlite3_column_int(s, 2), 32);
	}
	assert_int_equal(rows, 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_snippets),
		cmocka_unit_test(test_rank),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
