/*
 * demo.h
 *		The countries of the demo data, shared by the generators of requests
 *		(demo.c) and of return cases (demo_cases.c), and the random numbers
 *		both draw: splitmix64, integer arithmetic only, so that the same seed
 *		gives the same rows on any machine.
 */
#ifndef MIGCHAIN_DEMO_H
#define MIGCHAIN_DEMO_H

#include "c.h"

/* Groups of countries a person of unknown nationality is presented to. */
enum
{
	G_NONE, G_MAGHREB, G_WEST_AFRICA, G_HORN, G_MIDDLE_EAST, G_SOUTH_ASIA, G_CAUCASUS
};

/* One country of origin of the demo. */
typedef struct DemoCountry
{
	const char *code;			/* ISO 3166-1 alpha-2 */
	int			weight;			/* share of the requests */
	int			to_share;		/* percent of its requests that are T&O */
	int			positive;		/* percent answered positively */
	int			negative;		/* percent answered negatively (rest: none) */
	int			median_days;	/* typical days to an answer */
	int			group;			/* for persons of unknown nationality */
	int			unknown;		/* per mille of persons of unknown nationality */
	int			from_year;		/* first year with requests (0: always) */
} DemoCountry;

extern const DemoCountry demo_countries[];
extern const int demo_ncountries;

/* splitmix64: the next 64 random bits of the state *rng. */
static inline uint64
demo_splitmix(uint64 *rng)
{
	uint64		z = (*rng += UINT64CONST(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64CONST(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64CONST(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

#endif							/* MIGCHAIN_DEMO_H */
