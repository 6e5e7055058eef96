/*
 * Tests for src/download.c's file names: an enclosure's URL into a name
 * that stays in the download folder whatever the URL holds.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "download.h"
#include "util.h"

static void
test_download_names(void **state)
{
	static const struct {
		const char	*url;
		const char	*name;
	} cases[] = {
		{ "https://pod.example/ep/harbour-12.mp3", "harbour-12.mp3" },
		{ "https://pod.example/ep/12.mp3?token=x#t=3", "12.mp3" },
		{ "https://pod.example/a%20b%C3%A9.ogg", "a b\xc3\xa9.ogg" },
		{ "https://pod.example/..%2F..%2Fetc%2Fpasswd", "etcpasswd" },
		{ "https://pod.example/%2e%2e%2f.bashrc", "bashrc" },
		{ "https://pod.example/.hidden", "hidden" },
		{ "https://pod.example/", "enclosure-42" },
		{ "https://pod.example/..", "enclosure-42" },
		{ "https://pod.example/%00%01x.mp3", "x.mp3" },
		{ "https://pod.example/a\\b.mp3", "ab.mp3" },
		{ "https://pod.example/%ff%fe.mp3", "\xef\xbf\xbd\xef\xbf\xbd.mp3" },
	};
	char	*name;
	size_t	 i;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(cases); i++) {
		name = download_name(cases[i].url, 42);
		if (strcmp(name, cases[i].name) != 0)
			fail_msg("%s: got \"%s\", wanted \"%s\"", cases[i].url,
			    name, cases[i].name);
		assert_null(strchr(name, '/'));
		assert_true(name[0] != '.');
		free(name);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_download_names),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
