/* words_sv.c -- the reports' words in Swedish, indexed by word_key
 * (words.h); the other language's file has the same keys in the same
 * order, with the same printf conversions (test_words.c). */
#include "samkalk/report/words.h"

/* A table of sentences longer than a line, one key and its words per
 * entry, left as written: clang-format's line breaking would reflow the
 * whole table whenever one sentence grows. */
/* clang-format off */
const char *const words_sv[N_WORDS] = {
        /* Shared by the text summary, the workbook and the comparison */
        [W_INTERVENTION] = "Insats",
        [W_PER_INTAKE] = "deltagare per grupp",
        [W_INTAKES_ONE] = "1 grupp",
        [W_INTAKES_MANY] = "grupper, en per år",
        [W_YEARS_IN] = "år i insatsen per deltagare",
        [W_YEAR_IN] = "år i insatsen per deltagare",
        [W_QUESTION] = "Lönar sig %s, och för vem?",
        [W_ACTOR] = "Aktör",
        [W_STATE] = "Tillstånd",
        [W_SAVINGS] = "Besparing",
        [W_NPV] = "Nettonuvärde",
        [W_FISCAL] = "Offentlig sektor",
        [W_SOCIETY] = "Samhället",
        [W_FISCAL_NOTE] = "Offentlig sektor = %s.",
        [W_SOCIETY_NOTE] = "Samhället = alla aktörer: %s.",
        [W_NOBODY] = "inga aktörer (alla är ekonomiska)",
        [W_AND] = " och ",
        [W_NO_INVESTMENT] = "ingen investering",
        [W_NOT_WITHIN] = "ej inom %d år",
        [W_TIMING_START] = "år 1 odiskonterat",
        [W_TIMING_END] = "år 1 diskonterat en gång",
        [W_WITHOUT] = "Utan insats",
        [W_WITH] = "Med insats",
        [W_WOMEN] = "Kvinnor",
        [W_MEN] = "Män",
        [W_KR] = "kr",
        [W_PERCENT] = "%s %%",
        [W_MEAN] = "Medel",
        [W_P5] = "P5",
        [W_P95] = "P95",
        [W_INPUT] = "Antagande",
        [W_LOW] = "Lågt",
        [W_HIGH] = "Högt",
        [W_RANK_SOCIETY] = "Rang efter samhällets nettonuvärde",
        [W_RANK_FISCAL] = "Rang efter offentlig sektors nettonuvärde",
        [W_DASH] = "−",

        /* The text summary (text.c) */
        [W_AMOUNTS] = "Belopp i kronor, %d års priser.",
        [W_RATE] = "Nuvärden med diskonteringsränta %s (%s).",
        [W_HORIZON] = "Kalkylperiod %d år, %d–%d.",
        [W_ADJUSTED] =
                "Justeringar: %s %% av effekten tillskrivs insatsen, investeringskostnaderna räknas upp med %s %%.",
        [W_OUTCOME_RULE] =
                "Utfallsmodell: %s till %s per år utan insats, %s under insatsåren, %s efter; %s av dem i %s faller tillbaka per år (till startfördelningen).",
        [W_INVESTMENT] = "Investering",
        [W_RETURN] = "Avkastning",
        [W_PV_KR] = "nuvärde, kr",
        [W_PER_KRONA] = "per investerad kr",
        [W_PAYBACK_TITLE] = "När är investeringen intjänad?",
        [W_PAID_BACK] = "Återbetald",
        [W_PAID_BACK_DISCOUNTED] = "Återbetald, diskonterat",
        [W_BREAK_EVEN] = "Brytpunkt",
        [W_PAID_BACK_AFTER] = "%d (efter %s år)",
        [W_NOT_REACHABLE] = "nås inte ens vid %s %% av effekten",
        [W_OF_EFFECT] = "%s %% av den antagna effekten",
        [W_RATE_TO] = " = %s %% till %s per år",
        [W_INVESTS_NOTHING] = "0 (investerar inget)",
        [W_NO_GAIN] = "nås inte (effekten kostar aktören)",
        [W_SIGNS_NOTE] =
                "Besparing: + är lägre kostnad, − högre kostnad än utan insats. Nettonuvärde = besparing − investering.",
        [W_PAYBACK_NOTE] =
                "Återbetald: första året då det ackumulerade nettot (besparing − investering) är minst 0.",
        [W_BREAK_EVEN_NOTE] =
                "Brytpunkt: den minsta andel av den antagna effekten på övergångarna som ger nettonuvärde 0.",
        [W_SNAPSHOT_TITLE] = "Netto (besparing − investering), ackumulerat, ej diskonterat",
        [W_AFTER_YEARS] = "efter %d år",
        [W_AFTER_YEAR] = "efter %d år",
        [W_OUTCOMES_YEARS] = "Utfall: personår %d–%d",
        [W_DIFFERENCE] = "Skillnad",
        [W_EMPTY_STATES] = "Tillstånd där ingen befinner sig under perioden visas inte.",
        [W_PER_WORK_YEAR] =
                "Nettokostnad per extra personår i %s: %s %s kr, %s %s kr (−nettonuvärdet / extra personår; minus betyder vinst).",

        /* The text summary's uncertainty block */
        [W_UNC_TITLE] =
                "Osäkerhet: %s dragningar (frö %llu). Nettonuvärde i kronor, %d års priser, %s.",
        [W_P50] = "P50",
        [W_CHANCE] = "Chans > 0",
        [W_EVPI] = "EVPI",
        [W_UNC_NOTES] =
                "P5/P95: 5 %% av dragningarna ger lägre/högre nettonuvärde. Chans > 0: andelen dragningar med positivt nettonuvärde.\nEVPI: vad säker kunskap om de osäkra antagandena vore värd för beslutet att satsa eller inte (kronor).\n",
        [W_UNC_PAID_TITLE] = "Återbetald, andel dragningar (%s):",
        [W_UNC_NOT_WITHIN] = "inte inom %d år",
        [W_TORNADO_TITLE] =
                "Känslighet: offentlig sektors nettonuvärde när ett antagande i taget flyttas",
        [W_NPV_AT_LOW] = "Nettonuvärde vid lågt",
        [W_AT_HIGH] = "vid högt",
        [W_TORNADO_NOTE] =
                "Lågt och högt: värdena i [sensitivity], annars 5:e och 95:e percentilen av fördelningen i [uncertainty].",
        [W_MORE_INPUTS] = "(och %zu antaganden till; alla finns i JSON och arbetsboken)",

        /* The workbook: sheet names, properties, print footer */
        [W_SHEET_SUMMARY] = "Sammanfattning",
        [W_SHEET_PER_ACTOR] = "Per aktör",
        [W_SHEET_BY_SEX] = "Kvinnor och män",
        [W_SHEET_OUTCOMES] = "Utfall",
        [W_SHEET_UNCERTAINTY] = "Osäkerhet",
        [W_SHEET_ASSUMPTIONS] = "Antaganden",
        [W_SHEET_METHOD] = "Metod",
        [W_SHEET_DATA] = "Data",
        [W_SHEET_COMPARISON] = "Jämförelse",
        [W_SUBJECT] = "Socioekonomisk investeringskalkyl: %s",
        [W_DOC_COMMENTS] = "https://samkalk (socioekonomisk investeringskalkyl)",
        [W_PRINT_FOOTER] = "&Lsamkalk &CSida &P av &N&R%s",

        /* The workbook's summary sheet (xlsx/summary.c) */
        [W_PV_INVESTMENT_HEAD] = "Investering (nuvärde)",
        [W_PV_SAVINGS_HEAD] = "Besparing (nuvärde)",
        [W_PAID_BACK_IN] = "Återbetald år",
        [W_RETURN_PER_KRONA] = "Avkastning per investerad krona",
        [W_NET_AFTER] = "Netto efter %d år, %s",
        [W_UNIT_KR_PRICES] = "kr, %d års priser",
        [W_SENTENCE_PAID] = "%s investerar %s och har tjänat in investeringen år %d.",
        [W_SENTENCE_NOT_PAID] =
                "%s investerar %s men har inte tjänat in investeringen inom %d år (nettonuvärde %s).",
        [W_SENTENCE_SAVES] = "%s investerar inget och sparar %s.",
        [W_SENTENCE_COSTS] = "%s investerar inget men får %s högre kostnader.",
        [W_SENTENCE_NONE] = "%s påverkas inte i kalkylen.",
        [W_MONEY_MILLIONS] = "%s mnkr",
        [W_MONEY_KR] = "%s kr",
        [W_BREAK_EVEN_INTRO] = "Brytpunkt: insatsen går jämnt ut ",
        [W_FISCAL_MID] = "offentlig sektor",
        [W_SOCIETY_MID] = "samhället",
        [W_BREAK_EVEN_ITEM] = "för %s vid %s av den antagna effekten",
        [W_BREAK_EVEN_NEVER] = "för %s aldrig (inte ens vid %s av effekten)",
        [W_BREAK_EVEN_RATE] = " (%s till %s per år)",
        [W_CHART_CUMULATIVE] = "Samlat netto per aktör (besparing − investering, kumulativt)",
        [W_FOOTER] =
                "Belopp i %d års priser. Diskonteringsränta %s. Kalkylperiod %d år (%d–%d). samkalk %s, körd %s.",

        /* The workbook's flow sheets (xlsx/flows.c) */
        [W_FLOWS_TITLE] = "%s: kostnader och besparingar per år",
        [W_FLOWS_NOTE] =
                "Belopp i kr, %d års priser. Besparing = kostnad utan − kostnad med insats. Diskonteringsfaktorn räknas från räntan på bladet Antaganden.",
        [W_ITEM] = "Post",
        [W_TOTAL] = "Summa",
        [W_T_LABEL] = "År i kalkylen (t)",
        [W_RATE_LABEL] = "Diskonteringsränta",
        [W_FACTOR_LABEL] = "Diskonteringsfaktor",
        [W_ROW_WITHOUT] = "Kostnad utan insats",
        [W_ROW_WITH] = "Kostnad med insats",
        [W_ROW_INVESTMENT] = "Investering (insatsens kostnad)",
        [W_ROW_NET] = "Netto (besparing − investering)",
        [W_ROW_CUMULATIVE] = "Netto, kumulativt",
        [W_ROW_DISCOUNTED] = "Netto, diskonterat",

        /* The workbook's outcomes sheet (xlsx/outcomes.c) */
        [W_OUTCOMES_TITLE] = "Utfall: personår per tillstånd",
        [W_OUTCOMES_NOTE] =
                "Personår = antal personer i tillståndet, summerat över åren %d–%d (samma fördelning som kostnaderna räknas på).",
        [W_DIFFERENCE_WITH_WITHOUT] = "Skillnad (med − utan)",
        [W_YEARLY_WITHOUT] = "Utan insats: personer per tillstånd och år",
        [W_YEARLY_WITH] = "Med insats: personer per tillstånd och år",
        [W_PERSONS] = "personer",

        /* The workbook's assumptions sheet (xlsx/assumptions.c) */
        [W_RATE_NAME] = "Diskonteringsranta",
        [W_ASSUMPTIONS_TITLE] = "Antaganden: alla indata, med källa och rad i filen",
        [W_BASICS] = "Kalkylens grunder",
        [W_INPUT_DATA] = "Indata",
        [W_VALUE] = "Värde",
        [W_UNIT] = "Enhet",
        [W_FILE_LINE] = "Fil:rad",
        [W_SOURCE] = "Källa",
        [W_DEFAULT] = "standardvärde",
        [W_NONE] = "inget",
        [W_PRICE_YEAR] = "Prisår",
        [W_COSTS_START] = "fördelningen vid årets början",
        [W_COSTS_END] = "fördelningen vid årets slut",
        [W_COSTS_MEAN] = "medelvärdet av början och slut",
        [W_UNIT_YEARS] = "år",
        [W_UNIT_PROBABILITY] = "sannolikhet per år",
        [W_START_TITLE] = "Startfördelning (andel per tillstånd)",
        [W_COSTS_TITLE] = "Insatsens kostnader per aktör",
        [W_FIXED_COST] = "Fast kostnad per år",
        [W_COST_PER_PARTICIPANT] = "Per deltagare och år",
        [W_STARTUP_COST] = "Uppstart, år 1",
        [W_ACTORS_TITLE] = "Aktörer",
        [W_ACTOR_NAME] = "Namn",
        [W_ACTOR_ID] = "Id",
        [W_ACTOR_KIND] = "Slag",
        [W_KIND_FISCAL] = "offentlig budget",
        [W_KIND_ECONOMIC] = "ekonomisk (ej offentlig)",
        [W_KIND_HOUSEHOLD] = "hushåll (deltagarnas inkomst)",
        [W_TRANSITIONS_TITLE] = "Övergångar som de står i scenariofilen",
        [W_TRANSITION] = "Övergång",
        [W_SECTION] = "Avsnitt",
        [W_PROBABILITY] = "Sannolikhet per år",
        [W_INDEX_TITLE] = "Prisindex",
        [W_INDEX_YEAR] = "År",
        [W_INDEX_VALUE] = "Indexvärde",
        [W_UNIT_COSTS_TITLE] =
                "Årskostnad per person och tillstånd, kr i %d års priser (summa av posterna nedan)",
        [W_ITEMS_TITLE] = "Poster i typpersonprofilen",
        [W_AMOUNT] = "Belopp",
        [W_PRICE_MOVE] = "Omräkning",
        [W_AMOUNT_MOVED] = "Belopp i %d års priser",
        [W_MATRICES_TITLE] = "Övergångsmatriser som används (rad: från, kolumn: till)",
        [W_SET_BASELINE] = "utan insats",
        [W_SET_INTERVENTION] = "under insatsåren",
        [W_SET_AFTER] = "efter insatsen",
        [W_OUTCOME_GENERATED] = "Genererade från [outcome]: ",
        [W_FILES_TITLE] = "Indatafiler",
        [W_FILE_GIVEN] = "Fil (som angiven)",
        [W_FILE_RESOLVED] = "Fullständig sökväg",
        [W_SHA256] = "SHA-256",

        /* The workbook's method sheet (xlsx/method.c), a paragraph each */
        [W_METHOD_COHORT] =
                "Kalkylen följer samma grupp deltagare år för år två gånger: utan insatsen och med den.",
        [W_METHOD_STATES] =
                "Varje år befinner sig varje person i ett tillstånd (t.ex. AM2, arbete, studier). Övergångssannolikheterna säger hur många som byter tillstånd under ett år.",
        [W_METHOD_TRANSITIONS] =
                "Utan insats gäller övergångarna i [baseline]. Med insats gäller [intervention.transitions] de år en grupp är i insatsen och [after] därefter (annars baseline).",
        [W_METHOD_UNIT_COST] =
                "En persons kostnad för en aktör ett år är typpersonens årskostnad i tillståndet (bladet Antaganden), omräknad till prisåret med prisindex.",
        [W_METHOD_YEAR_COST] =
                "Årets kostnad för en aktör = antal personer i varje tillstånd × årskostnaden, summerat över tillstånden och grupperna.",
        [W_METHOD_SAVINGS] =
                "Besparing = kostnad utan insats − kostnad med insats. Ett minus betyder att aktören får högre kostnader med insatsen.",
        [W_METHOD_INVESTMENT] =
                "Investering = insatsens egna kostnader: fast kostnad per år, kostnad per deltagare och år, och uppstartskostnad år 1.",
        [W_METHOD_NET] =
                "Netto = besparing − investering. Nettonuvärde = summan av de diskonterade nettona.",
        [W_METHOD_DISCOUNTING] =
                "Diskontering: ett belopp år t räknas om med 1/(1+r)^(t−1), där r är diskonteringsräntan (år 1 odiskonterat), eller 1/(1+r)^t om så anges.",
        [W_METHOD_PAYBACK] =
                "Återbetald: första året då det kumulativa nettot är minst 0. Antalet år räknas som (t−1) + (det som återstod att tjäna in) / årets netto.",
        [W_METHOD_RETURN] =
                "Avkastning per investerad krona = besparingens nuvärde / investeringens nuvärde.",
        [W_METHOD_BREAK_EVEN] =
                "Brytpunkt: den minsta andel av den antagna effekten (skillnaden mellan övergångarna med och utan insats) som ger nettonuvärde 0.",
        [W_METHOD_TOTALS] =
                "Offentlig sektor är summan av de offentliga aktörerna; Samhället är alla aktörer i profilen.",
        [W_METHOD_SEXES] =
                "Kvinnor och män räknas var för sig med sina egna andelar och eventuella egna övergångar, och summeras.",
        [W_METHOD_LEFT_OUT] = "Vad kalkylen inte tar med:",
        [W_METHOD_LEFT_OUT_COSTS] =
                "– kostnader och intäkter som inte finns i typpersonprofilen, t.ex. livskvalitet och, om ingen sådan aktör finns, produktionsvärde;",
        [W_METHOD_LEFT_OUT_AFTER] = "– effekter efter kalkylperioden;",
        [W_METHOD_LEFT_OUT_DISPLACEMENT] =
                "– undanträngning: att andra arbetssökande kan få arbete senare;",
        [W_METHOD_LEFT_OUT_UNCERTAINTY] =
                "– osäkerhet: talen är punktskattningar av antagandena i scenariofilen; bladet Osäkerhet (när scenariot har [uncertainty]-avsnitt) visar hur mycket de kan variera.",
        [W_METHOD_FORMULAS] =
                "Alla summor, nettonuvärden och kumulativa rader är formler: ändra räntan på bladet Antaganden och räkna om, så ändras nuvärdena.",

        /* The workbook's uncertainty sheet (xlsx/uncertainty.c) */
        [W_UNC_SHEET_TITLE] = "Hur säkert är resultatet?",
        [W_UNC_SHEET_NOTE] = "Nettonuvärde i kr, %d års priser, %s. Offentlig sektor = %s. %s",
        [W_UNC_VALUES_NOTE] = "Talen på bladet är beräknade av samkalk (värden, inte formler).",
        [W_UNC_SENTENCE] =
                "%s: nettonuvärdet är positivt i %s av %s dragningar (medel %s kr; 90 %% av dragningarna mellan %s och %s kr).",
        [W_UNC_SENTENCE_NONE] = "Inga dragningar: scenariot har bara [sensitivity]-avsnitt.",
        [W_P50_MEDIAN] = "P50 (median)",
        [W_CHANCE_POSITIVE] = "Chans att nettonuvärdet > 0",
        [W_EVPI_KR] = "EVPI, kr",
        [W_UNC_STATS_NOTE] =
                "P5/P95: 5 %% av dragningarna ger lägre/högre nettonuvärde. EVPI (värdet av fullständig information): vad säker kunskap om de osäkra antagandena vore värd för beslutet att satsa eller inte.",
        [W_UNC_PAID_BY] = "Återbetald senast år (andel av dragningarna, ej diskonterat)",
        [W_UNC_NOT_WITHIN_HEAD] = "Inte inom %d år",
        [W_NO_INVESTMENT_HEAD] = "Ingen investering",
        [W_HIST_TITLE] = "Fördelning av offentlig sektors nettonuvärde",
        [W_HIST_FROM] = "Från, kr",
        [W_HIST_TO] = "Till, kr",
        [W_HIST_COUNT] = "Dragningar",
        [W_HIST_SHARE] = "Andel",
        [W_HIST_AXIS] = "Andel av dragningarna",
        [W_HIST_CHART] = "Offentlig sektors nettonuvärde, kr (röd: förlust)",
        [W_TORNADO_SHEET_TITLE] =
                "Känslighet (tornado): ett antagande i taget flyttas till lågt och högt",
        [W_TORNADO_SHEET_NOTE] =
                "Lågt och högt: värdena i [sensitivity], annars 5:e och 95:e percentilen av fördelningen. Sorterat efter hur mycket offentlig sektors nettonuvärde svänger.",
        [W_LINE] = "Rad",
        [W_AT_LOW_KR] = "Offentlig sektor vid lågt, kr",
        [W_AT_HIGH_KR] = "Offentlig sektor vid högt, kr",
        [W_SWING_KR] = "Svängning, kr",
        [W_TORNADO_CHART] = "Offentlig sektors nettonuvärde när ett antagande flyttas",
        [W_TORNADO_AXIS] = "Nettonuvärde, kr (staplarna utgår från kalkylens %s kr)",
        [W_BASE_NPV] = "Kalkylens nettonuvärde",
        [W_DIST_TITLE] = "De osäkra antagandena och deras fördelningar",
        [W_DISTRIBUTION] = "Fördelning",
        [W_DIST_MEAN] = "Medelvärde",
        [W_DIST_SD] = "Standardavvikelse",

        /* The comparison's workbook sheet (xlsx/comparison.c) */
        [W_CMP_SHEET_TITLE] = "Jämförelse av %zu insatser",
        [W_CMP_SHEET_NOTE] =
                "Belopp i kr, %d års priser (andra prisår är omräknade med varje profils index). Rang 1 = högst nettonuvärde.",
        [W_CMP_LEGEND] = "Scenario %zu: %s (%s)",
        [W_CMP_COPIES] =
                "Bladen efter detta är varje scenarios egen sammanfattning med värden; formlerna finns i scenariots egen arbetsbok (samkalk run -o).",
        [W_MEASURE] = "Mått",
        [W_GAINED] = "Personår vunna (med − utan insats)",
        [W_CMP_CHART_NET] = "Offentlig sektor: kumulativt netto per år i kalkylen",
        [W_CMP_CHART_PAYBACK] = "Antal år till återbetalning per aktör",
        [W_YEAR_T] = "År %d",

        /* The comparison in text (comparison.c); the measures also in its workbook */
        [W_MEASURE_NPV] = "Nettonuvärde, kr",
        [W_MEASURE_PV_INVESTMENT] = "Investering (nuvärde), kr",
        [W_MEASURE_PV_SAVINGS] = "Besparing (nuvärde), kr",
        [W_MEASURE_PAYBACK_YEAR] = "Återbetald (år)",
        [W_MEASURE_PAYBACK_YEARS] = "Återbetald efter antal år",
        [W_MEASURE_PAYBACK_DISC_YEAR] = "Återbetald, diskonterat (år)",
        [W_MEASURE_PAYBACK_DISC_YEARS] = "Återbetald, diskonterat, efter antal år",
        [W_MEASURE_BREAK_EVEN] = "Brytpunkt, andel av den antagna effekten",
        [W_MEASURE_NET_AFTER_1] = "Netto efter 1 år (ackumulerat), kr",
        [W_MEASURE_NET_AFTER_5] = "Netto efter 5 år (eller kalkylperioden), kr",
        [W_MEASURE_COST_PER_WORK_YEAR] = "Nettokostnad per extra personår i arbete, kr",
        [W_CMP_TITLE] = "Jämförelse av %zu insatser. Belopp i kronor, %d års priser.",
        [W_SCENARIOS] = "Scenarier",
        [W_GAINED_PER_STATE] = "Personår vunna per tillstånd (med − utan insats)",
        [W_DASH_NOTE] =
                "Ett streck: finns inte (ingen investering, ej återbetald, aktören saknas i profilen).",
        [W_NOTE_RATES] = "Diskonteringsräntorna skiljer sig åt (",
        [W_NOTE_RATES_END] = "): nuvärdena jämförs som de är. ",
        [W_NOTE_HORIZONS] = "Kalkylperioderna skiljer sig åt (",
        [W_NOTE_HORIZONS_END] = "): en längre period hinner räkna fler års besparingar. ",
        [W_NOTE_STARTS] = "Startåren skiljer sig åt; återbetalningsår är kalenderår. ",
        [W_NOTE_TIMING] = "Diskonteringen börjar olika (år 1 odiskonterat eller inte). ",
        /* The follow-up (followup.c) */
        [W_FU_TITLE] = "Uppföljning",
        [W_FU_DATA] = "Data: %s, %s.",
        [W_FU_PANEL] =
                "personpanel: %s rader, %s personer, %s flyttar mellan år, %s tappade ur uppföljningen",
        [W_FU_MOVES] = "räknade flyttar: %s rader, %s flyttar",
        [W_FU_STATES] = "räknade tillstånd: %s rader",
        [W_FU_COMPARISON] =
                "Jämförelsegrupp: %s personer; deras flyttar skattar övergångarna utan insats.",
        [W_FU_CONVERTED] = "Filen var kodad i Windows-1252 (Excel) och har lästs om till UTF-8.",
        [W_FU_SUPPRESSED] = "%s antal var maskade som <5 och räknas som 2,5.",
        [W_FU_MORE_THAN_PLANNED] =
                "Obs: uppföljningen har fler personer (%s) än kohorten planerar (%s). Beräkningen räknar på de planerade personerna.",
        [W_FU_ESTIMATE_TITLE] =
                "Skattade övergångar per år %s (antagandet väger som %s följda personer):",
        [W_FU_SET_BASELINE] = "utan insats",
        [W_FU_SET_INTERVENTION] = "under insatsen",
        [W_FU_SET_AFTER] = "efter insatsen",
        [W_FU_BOTH_SEXES] = "kvinnor och män",
        [W_FU_FROM] = "Från",
        [W_FU_TO] = "Till",
        [W_FU_N] = "Observerade",
        [W_FU_ASSUMED] = "Antaget",
        [W_FU_ESTIMATE] = "Skattat",
        [W_FU_INTERVAL] = "90 %%-intervall",
        [W_FU_KEPT] = "Utan observerade flyttar behålls antagandet för: %s.",
        [W_FU_MIXED] =
                "Skattningen gäller kvinnor och män tillsammans (by_sex = no); antagandena för kvinnor och män vägs ihop efter andelen kvinnor.",
        [W_FU_NO_SEX_COLUMN] =
                "by_sex = yes, men filen har ingen kolumn för kön: en skattning för båda.",
        [W_FU_STATES_ONLY] =
                "Räknade tillstånd visar utfallet men inte flyttarna: omprognosen använder de antagna övergångarna.",
        [W_FU_OUTCOME_TITLE] =
                "Prognos mot utfall, andel i varje tillstånd (gruppen som började %d):",
        [W_FU_YEAR] = "År",
        [W_FU_FORECAST] = "Prognos",
        [W_FU_OUTCOME] = "Utfall",
        [W_FU_COUNT] = "Antal",
        [W_FU_REFORECAST] =
                "Omprognos: %s realiserade (observerade andelar gånger de planerade deltagarna), %s framskrivna med %s.",
        [W_FU_REFORECAST_ALL] =
                "Omprognos: %s realiserade (observerade andelar gånger de planerade deltagarna).",
        [W_FU_REFORECAST_NONE] =
                "Omprognos: inget år är realiserat ännu; %s framskrivna med %s.",
        [W_FU_BASELINE_ASSUMED] =
                "Utan insats: scenariots antagande, framskrivet från de observerade starttillstånden.",
        [W_FU_BASELINE_ESTIMATED] =
                "Utan insats: skattat från jämförelsegruppen, framskrivet från de observerade starttillstånden.",
        [W_FU_ATTRIBUTED] =
                "Utfallet krediteras insatsen med %s %%, som effekten i prognosen (attribution).",
        [W_FU_SAVED_FORECAST] = "Besparing t.o.m. %d, prognos",
        [W_FU_SAVED_OUTCOME] = "utfall",
        [W_FU_NPV_WAS] = "Nettonuvärde, prognos",
        [W_FU_NPV_NOW] = "omprognos",
        [W_FU_SENTENCE] =
                "%s: prognosen var %s i besparing t.o.m. %d, utfallet %s; med utfallet inräknat är nettonuvärdet nu %s (var %s)",
        [W_FU_SENTENCE_NONE] = "%s: med de skattade övergångarna är nettonuvärdet nu %s (var %s)",
        [W_FU_UNDISCOUNTED] =
                "Besparingar t.o.m. ett år är odiskonterade kronor; nettonuvärdena diskonteras som i övrigt.",
        [W_FU_CHANCE] = " och chansen att gå plus %s (var %s).",
        [W_FU_OUTSIDE] = "* utanför prognosens 90 %%-intervall från osäkerhetsanalysen.",
        [W_FU_DRAWN] =
                "I osäkerhetsanalysen dras de skattade raderna ur sin posteriorfördelning (och maskade antal ur 1–4); fördelningar i [uncertainty X] för samma flyttar ersätts.",
        /* The follow-up's sheet (xlsx/followup.c) */
        [W_SHEET_FOLLOWUP] = "Uppföljning",
        [W_FUS_TITLE] = "Uppföljning: utfallet hittills och en ny prognos",
        [W_FUS_NOTE] =
                "Prognosen är den som beslutet togs på (bladen Sammanfattning och Per aktör visar den oförändrad); omprognosen räknar in det som redan har hänt.",
        [W_FUS_TABLE_TITLE] = "Lönar det sig fortfarande? Prognos och omprognos per aktör",
        [W_FUS_TABLE_NOTE] =
                "Belopp i kr, %d års priser; besparing t.o.m. ett år är odiskonterad. Optimism = prognos / utfall: 1,40 betyder att prognosen lovade 40 %% mer än det blev (− när utfallet inte är en besparing).",
        [W_FUS_SAVED_OUTCOME] = "Besparing t.o.m. %d, utfall",
        [W_FUS_OPTIMISM] = "Optimism (prognos / utfall)",
        [W_FUS_NPV_NOW] = "Nettonuvärde, omprognos",
        [W_FUS_PAYBACK_WAS] = "Återbetald år, prognos",
        [W_FUS_PAYBACK_NOW] = "Återbetald år, omprognos",
        [W_FUS_FLOWS_TITLE] = "Omprognos per aktör och år",
        [W_FUS_FLOWS_NOTE] =
                "Belopp i kr, %d års priser. Skuggade år är realiserade (utfallet), de övriga framskrivna. Netto = besparing − investering, med prognosens investering (bladet Per aktör).",
        [W_FUS_REALISED] = "realiserat",
        [W_FUS_PROJECTED] = "framskrivet",
        [W_FUS_SAVINGS_NOW] = "Besparing, omprognos",
        [W_FUS_SAVINGS_WAS] = "Besparing, prognos",
        [W_FUS_NET_NOW] = "Netto, omprognos",
        [W_FUS_NET_WAS] = "Netto, prognos",
        [W_FUS_CHART_TITLE] = "Gick det som vi trodde? Besparing hittills, prognos mot utfall",
        [W_FUS_CHART_NOTE] =
                "Kumulativ besparing i kr, odiskonterad. Linjen är prognosen, punkterna utfallet och den streckade linjen omprognosen från det senaste realiserade året.",
        [W_FUS_REFORECAST] = "Omprognos",
        [W_FUS_COST_WAS] = "Kostnad per deltagare, prognos",
        [W_FUS_COST_SEEN] = "Kostnad per deltagare, utfall",
        [W_FUS_CHART_NAME] = "%s: besparing hittills, kr",
        [W_FUS_CHART_DATA] = "Siffrorna bakom diagrammen",
        [W_FUS_ROWS_NOTE] =
                "Andel per år som går från ett tillstånd till ett annat. Skattat = antagandet och utfallet vägda ihop; ju fler observerade flyttar, desto smalare 90 %%-intervall.",
        [W_FUS_FROM_TO] = "Från / till",
        [W_FUS_MOVES] = "Flyttar (observerade / alla)",
        [W_FUS_LOW] = "nedre",
        [W_FUS_HIGH] = "övre",
        [W_FUS_OUTCOME_TITLE] = "Prognos mot utfall per tillstånd",
        [W_FUS_OUTCOME_NOTE] =
                "Andel av gruppen i varje tillstånd: prognosen (som antaget, med insatsen) mot utfallet. Antal = personer i tillståndet i uppföljningen.",
        [W_FUS_OUTCOME_GROUP] = "%d, gruppen som började %d",
        [W_FUS_METHOD] =
                "Uppföljning (bladet Uppföljning): de år som redan är levda räknas med utfallet (observerade andelar gånger de planerade deltagarna), resten skrivs fram med övergångar skattade ur uppföljningen.",
        [W_FUS_CHANCE_WAS] = "Chans att gå plus, prognos",
        [W_FUS_CHANCE_NOW] = "Chans att gå plus, omprognos",
        [W_FU_WITH_ESTIMATED] =
                "de skattade övergångarna",
        [W_FU_WITH_ASSUMED] =
                "de antagna övergångarna",
        [W_FU_BASELINE_PLANNED] =
                "Utan insats: scenariots antagande, från den planerade startfördelningen.",
        [W_FU_BASELINE_ESTIMATED_PLANNED] =
                "Utan insats: skattat från jämförelsegruppen, från den planerade startfördelningen.",
};
/* clang-format on */
