/*
 * Unit tests for src/lang.c: texts in several languages (and texts too
 * short or in other languages) and the language each must be told as,
 * plus the names of the stemmers.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "lang.h"
#include "util.h"

static const struct {
	const char	*text;
	enum lang	 lang;
} texts[] = {
	{ "The council said that it will vote on the budget after the "
	    "summer, and the mayor has asked for a delay.", LANG_EN },
	{ "THE COUNCIL SAID THAT IT WILL VOTE ON THE BUDGET", LANG_EN },
	{ "Le conseil municipal a voté le budget, mais les élus de "
	    "l'opposition ont quitté la salle avant la fin.", LANG_FR },
	{ "À Lyon, la crue du Rhône est suivie de près par les services de "
	    "la ville et par les habitants des quais.", LANG_FR },
	{ "Der Stadtrat hat den Haushalt beschlossen, aber die Opposition "
	    "ist mit dem Ergebnis nicht zufrieden.", LANG_DE },
	{ "Über die Zukunft des Hafens wird seit Jahren gestritten; eine "
	    "Entscheidung für den Ausbau steht noch aus.", LANG_DE },
	{ "El ayuntamiento aprobó el presupuesto, pero los vecinos del "
	    "barrio piden más inversión en las escuelas.", LANG_ES },
	{ "Según la agencia, la sequía afecta a la mitad del país y "
	    "también a los embalses del norte.", LANG_ES },
	{ "Городской совет утвердил бюджет, но депутаты от оппозиции "
	    "покинули зал до конца заседания, и это не первый раз.", LANG_RU },
	{ "В Казани открылся новый мост через Волгу, по нему пойдут "
	    "автобусы и трамваи.", LANG_RU },
	/* Told by the longer stop words alone (the longest: также). */
	{ "Which songs their choirs sang after midnight, about which "
	    "nobody wrote, remain unknown.", LANG_EN },
	{ "Также выяснилось, что этого моста давно ждали, также как "
	    "трамвая.", LANG_RU },
	/* Too little to tell, or a language telex does not stem. */
	{ "", LANG_NONE },
	{ "Brexit", LANG_NONE },
	{ "2026-11-29 14:00 UTC", LANG_NONE },
	{ "Il consiglio comunale ha approvato il bilancio della città.",
	    LANG_NONE },
	{ "Gemeenteraad keurt begroting goed na lang debat.", LANG_NONE },
	{ "東京都は新しい予算案を発表した。", LANG_NONE },
	/* Half and half is not clearly either. */
	{ "the cat and the dog; le chat et le chien", LANG_NONE },
};

static void
test_detect(void **state)
{
	size_t		 i;
	enum lang	 got;
	int		 failed = 0;

	for (i = 0; i < UTIL_ARRLEN(texts); i++) {
		got = lang_detect(texts[i].text, strlen(texts[i].text));
		if (got == texts[i].lang)
			continue;
		print_message("# \"%.40s\": %s, wanted %s\n", texts[i].text,
		    got == LANG_NONE ? "none" : lang_code(got),
		    texts[i].lang == LANG_NONE ? "none" :
		    lang_code(texts[i].lang));
		failed++;
	}
	assert_int_equal(failed, 0);
}

/* Only the start of a text is read: a long tail changes nothing. */
static void
test_detect_bounded(void **state)
{
	struct buf	 b;
	int		 i;

	buf_init(&b, 0);
	buf_adds(&b, "Der Stadtrat hat den Haushalt beschlossen, und die "
	    "Opposition ist nicht zufrieden mit dem Ergebnis. ");
	for (i = 0; i < 2000; i++)
		buf_adds(&b, "the and of that with this ");
	assert_int_equal(lang_detect(b.data, b.len), LANG_EN);
	buf_reset(&b);
	buf_adds(&b, "Der Stadtrat hat den Haushalt beschlossen, und die "
	    "Opposition ist nicht zufrieden mit dem Ergebnis. ");
	for (i = 0; i < 100; i++)
		buf_adds(&b, "Die Stadt und der Hafen. ");
	for (i = 0; i < 2000; i++)
		buf_adds(&b, "the and of that with this ");
	assert_int_equal(lang_detect(b.data, b.len), LANG_DE);
	assert_int_equal(lang_detect(NULL, 10), LANG_NONE);
	assert_int_equal(lang_detect("\xff\xfe\xc3", 3), LANG_NONE);
	buf_free(&b);
}

static void
test_names(void **state)
{
	assert_string_equal(lang_code(LANG_RU), "ru");
	assert_string_equal(lang_stemmer(LANG_DE), "german");
	assert_string_equal(lang_stemmer(LANG_ES), "spanish");
	assert_null(lang_code(LANG_NONE));
	assert_null(lang_stemmer(LANG_COUNT));
	assert_true(lang_latin(LANG_FR));
	assert_false(lang_latin(LANG_RU));
	assert_false(lang_latin(LANG_NONE));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_detect_bounded),
		cmocka_unit_test(test_names),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
