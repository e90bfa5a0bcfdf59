/* starter.c -- the starter scenario of `samkalk new` (issue #6): every key
 * a newcomer needs, each with a comment in Swedish saying what it means and
 * what to replace it with; the optional sections commented out. */
#include "samkalk/cli/starter.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The program's own directory, from /proc/self/exe. */
static bool exe_dir(char *buf, size_t n)
{
	ssize_t len = readlink("/proc/self/exe", buf, n - 1);
	if (len <= 0)
		return false;
	buf[len] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

/* The path of target relative to the directory from (both absolute and
 * resolved): "../templates/typpersoner.ini". */
static void relative(const char *from, const char *target, char *out, size_t n)
{
	size_t common = 0, i = 0;
	for (; from[i] && from[i] == target[i]; i++)
		if (from[i] == '/')
			common = i;
	if (from[i] == '\0' && target[i] == '/')
		common = i;
	size_t used = 0;
	out[0] = '\0';
	for (const char *p = from + common; *p && used < n; p++)
		if (*p == '/')
			used += (size_t)snprintf(out + used, n - used, "../");
	if (used < n)
		snprintf(out + used, n - used, "%s", target + common + 1);
}

sk_status starter_profile_path(const char *dir, char *path_buf, size_t n, char *why, size_t why_len)
{
	char exe[PATH_MAX], cand[3][PATH_MAX + 64];
	if (!exe_dir(exe, sizeof exe)) {
		snprintf(why, why_len, "cannot find the program's directory: %s", strerror(errno));
		return SK_EIO;
	}
	/* build/samkalk, a build beneath it (build/asan/samkalk), an install */
	snprintf(cand[0], sizeof cand[0], "%s/../templates/typpersoner.ini", exe);
	snprintf(cand[1], sizeof cand[1], "%s/../../templates/typpersoner.ini", exe);
	snprintf(cand[2], sizeof cand[2], "%s/../share/samkalk/templates/typpersoner.ini", exe);
	char *profile = NULL;
	for (int k = 0; k < 3 && !profile; k++)
		profile = realpath(cand[k], NULL);
	char *from = realpath(dir, NULL);
	if (!profile || !from) {
		snprintf(why, why_len,
		         "cannot find the default profile (looked for %s, %s and %s)%s%s", cand[0],
		         cand[1], cand[2], from ? "" : ", nor the directory ", from ? "" : dir);
		free(profile);
		free(from);
		return SK_EIO;
	}
	relative(from, profile, path_buf, n);
	free(profile);
	free(from);
	return SK_OK;
}

sk_status starter_write(FILE *out, const char *profile_path)
{
	fprintf(out,
	        "; Ett nytt scenario för samkalk. Kör det som det är:\n"
	        ";   samkalk check DETTA.ini   (kontrollerar filen, visar varje fel med rad)\n"
	        ";   samkalk run DETTA.ini -o beslut.xlsx\n"
	        "; Byt sedan talen mot era egna. Skriv det ett tal vilar på i en kommentar\n"
	        "; direkt ovanför det: arbetsbokens blad Antaganden visar den som källa.\n"
	        "; Alla nycklar och standardvärden: docs/scenario-format.md.\n"
	        "\n"
	        "[scenario]\n"
	        "; Scenariots namn, som det står i rapporten.\n"
	        "name = Mitt scenario\n"
	        "; Typpersonprofilen: årskostnad per person och tillstånd för varje aktör.\n"
	        "profiles = %s\n"
	        "; Första kalenderåret och kalkylperioden i år.\n"
	        "start_year = 2026\n"
	        "years = 5\n"
	        "; Real diskonteringsränta per år (standard 0.035).\n"
	        "discount_rate = 0.035\n"
	        "; Ett års kostnader räknas på genomsnittet av fördelningen vid årets början\n"
	        "; och slut.\n"
	        "costs_on = mean\n"
	        "\n"
	        "[cohort]\n"
	        "; Deltagare per grupp (ett heltal) och antal grupper, en per år.\n"
	        "size = 20\n"
	        "intakes = 1\n"
	        "; Andel kvinnor.\n"
	        "women = 0.5\n"
	        "; Var deltagarna börjar: andelar som summerar till 1. Tillstånden finns i\n"
	        "; profilen (AM1-AM3, RH1-RH3, arbete, subventionerat, studier,\n"
	        "; sjukersattning).\n"
	        "AM3 = 0.5\n"
	        "AM2 = 0.5\n"
	        "\n"
	        "[intervention]\n"
	        "name = Min insats\n"
	        "; År som varje deltagare är i insatsen.\n"
	        "years = 1\n"
	        "; Kostnader per aktör: fast per år, per deltagare och år, en gång år 1.\n"
	        "fixed_cost.kommun = 500000\n"
	        "cost_per_participant.kommun = 10000\n"
	        "startup_cost.kommun = 50000\n"
	        "\n"
	        "; Årliga övergångar UTAN insatsen (sannolikhet per år); resten stannar.\n"
	        "[baseline]\n"
	        "AM3 -> AM2 = 0.10\n"
	        "AM2 -> arbete = 0.10\n"
	        "arbete -> AM2 = 0.10\n"
	        "\n"
	        "; Övergångar UNDER insatsåren: listade nycklar ersätter baseline.\n"
	        "[intervention.transitions]\n"
	        "AM3 -> AM2 = 0.20\n"
	        "AM2 -> arbete = 0.20\n"
	        "\n"
	        "; Valfritt: övergångar efter insatsen (annars gäller baseline igen).\n"
	        "; [after]\n"
	        "; AM2 -> arbete = 0.12\n"
	        "\n"
	        "; Valfritt: räntor per årsband i stället för discount_rate.\n"
	        "; [discounting]\n"
	        "; 1-30 = 0.035\n"
	        "; 31-100 = 0.030\n"
	        "\n"
	        "; Valfritt: andel av effekten som beror på insatsen, påslag på kostnaderna.\n"
	        "; [adjustments]\n"
	        "; attribution = 0.8\n"
	        "; cost_uplift = 0.2\n"
	        "\n"
	        "; Valfritt: uppföljning av verkliga deltagare (personpanel, räknade flyttar\n"
	        "; eller räknade tillstånd, CSV från Excel eller SUS). Övergångarna skattas\n"
	        "; från data, prognosen ställs mot utfallet och kalkylen räknas om med de\n"
	        "; år som redan levts. Se docs/scenario-format.md, Uppföljning.\n"
	        "; [followup]\n"
	        "; data = uppfoljning/utfall.csv\n"
	        "; prior_weight = 2\n"
	        "; by_sex = no\n"
	        ";\n"
	        "; Kategorier i filen = tillstånd i profilen (behövs inte om filen\n"
	        "; använder tillståndens id).\n"
	        "; [followup.states]\n"
	        "; Arbete utan stöd = arbete\n"
	        "; Arbetssökande, behöver visst stöd = AM2\n",
	        profile_path);
	return ferror(out) ? SK_EIO : SK_OK;
}
