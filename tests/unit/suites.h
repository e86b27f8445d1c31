/* suites.h: the unit-test suites, one per file, gathered by main.c. */
#ifndef SAFAR_TEST_SUITES_H
#define SAFAR_TEST_SUITES_H

#include <check.h>

Suite *suite_util(void);
Suite *suite_load(void);
Suite *suite_resolve(void);
Suite *suite_sms(void);
Suite *suite_edition(void);
Suite *suite_pdf(void);

#endif
