/* main.c: runs every unit-test suite (Check). */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(suite_util());
	srunner_add_suite(sr, suite_load());
	srunner_add_suite(sr, suite_resolve());
	srunner_add_suite(sr, suite_sms());
	srunner_add_suite(sr, suite_edition());
	srunner_add_suite(sr, suite_pdf());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
