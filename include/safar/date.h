/* date.h: calendar dates as days since 1970-01-01, the only form safar computes with. */
#ifndef SAFAR_DATE_H
#define SAFAR_DATE_H

/* Days since 1970-01-01 of a real date (years 1970..9999), or -1. */
long sf_days_from_civil(int y, int m, int d);
/* A date written exactly YYYY-MM-DD, as days since 1970, or -1. */
long sf_date_parse(const char *s);
/* days as "YYYY-MM-DD". */
void sf_date_str(long days, char out[11]);

#endif
