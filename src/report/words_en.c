/* words_en.c -- the reports' words in English, indexed by word_key
 * (words.h); the other language's file has the same keys in the same
 * order, with the same printf conversions (test_words.c). */
#include "samkalk/report/words.h"

/* A table of sentences longer than a line, one key and its words per
 * entry, left as written: clang-format's line breaking would reflow the
 * whole table whenever one sentence grows. */
/* clang-format off */
const char *const words_en[N_WORDS] = {
        /* Shared by the text summary, the workbook and the comparison */
        [W_INTERVENTION] = "Intervention",
        [W_PER_INTAKE] = "participants per group",
        [W_INTAKES_ONE] = "1 group",
        [W_INTAKES_MANY] = "groups, one a year",
        [W_YEARS_IN] = "years in the intervention per participant",
        [W_YEAR_IN] = "year in the intervention per participant",
        [W_QUESTION] = "Does %s pay off, and for whom?",
        [W_ACTOR] = "Actor",
        [W_STATE] = "State",
        [W_SAVINGS] = "Savings",
        [W_NPV] = "NPV",
        [W_FISCAL] = "Public sector",
        [W_SOCIETY] = "Society",
        [W_FISCAL_NOTE] = "Public sector = %s.",
        [W_SOCIETY_NOTE] = "Society = all actors: %s.",
        [W_NOBODY] = "no actors (all are economic)",
        [W_AND] = " and ",
        [W_NO_INVESTMENT] = "no investment",
        [W_NOT_WITHIN] = "not within %d years",
        [W_TIMING_START] = "year 1 undiscounted",
        [W_TIMING_END] = "year 1 discounted once",
        [W_WITHOUT] = "Without",
        [W_WITH] = "With",
        [W_WOMEN] = "Women",
        [W_MEN] = "Men",
        [W_KR] = "kr",
        [W_PERCENT] = "%s%%",
        [W_MEAN] = "Mean",
        [W_P5] = "P5",
        [W_P95] = "P95",
        [W_INPUT] = "Input",
        [W_LOW] = "Low",
        [W_HIGH] = "High",
        [W_RANK_SOCIETY] = "Rank by society's NPV",
        [W_RANK_FISCAL] = "Rank by the public sector's NPV",
        [W_DASH] = "−",

        /* The text summary (text.c) */
        [W_AMOUNTS] = "Amounts in kronor (SEK), %d prices.",
        [W_RATE] = "Present values at a discount rate of %s (%s).",
        [W_HORIZON] = "Horizon %d years, %d–%d.",
        [W_ADJUSTED] =
                "Adjustments: %s%% of the effect is attributed to the intervention, investment costs are raised by %s%%.",
        [W_OUTCOME_RULE] =
                "Outcome model: %s reach %s per year without the intervention, %s during it, %s after; %s of those in %s fall back per year (to the starting distribution).",
        [W_INVESTMENT] = "Investment",
        [W_RETURN] = "Return",
        [W_PV_KR] = "present value, kr",
        [W_PER_KRONA] = "per krona invested",
        [W_PAYBACK_TITLE] = "When is the investment paid back?",
        [W_PAID_BACK] = "Paid back",
        [W_PAID_BACK_DISCOUNTED] = "Paid back, discounted",
        [W_BREAK_EVEN] = "Break-even",
        [W_PAID_BACK_AFTER] = "%d (after %s years)",
        [W_NOT_REACHABLE] = "not reached even at %s%% of the effect",
        [W_OF_EFFECT] = "%s%% of the assumed effect",
        [W_RATE_TO] = " = %s%% to %s a year",
        [W_INVESTS_NOTHING] = "0 (invests nothing)",
        [W_NO_GAIN] = "not reachable (the effect costs this actor)",
        [W_SIGNS_NOTE] =
                "Savings: + is a lower cost, − a higher cost than without the intervention. NPV = savings − investment.",
        [W_PAYBACK_NOTE] =
                "Paid back: the first year in which the cumulative net (savings − investment) is at least 0.",
        [W_BREAK_EVEN_NOTE] =
                "Break-even: the smallest share of the assumed effect on the transitions that gives an NPV of 0.",
        [W_SNAPSHOT_TITLE] = "Net (savings − investment), cumulative, undiscounted",
        [W_AFTER_YEARS] = "after %d years",
        [W_AFTER_YEAR] = "after %d year",
        [W_OUTCOMES_YEARS] = "Outcomes: person-years %d–%d",
        [W_DIFFERENCE] = "Difference",
        [W_EMPTY_STATES] = "States nobody is in during the horizon are not shown.",
        [W_PER_WORK_YEAR] =
                "Net cost per additional person-year in %s: %s %s kr, %s %s kr (−NPV / additional person-years; a minus is a gain).",

        /* The text summary's uncertainty block */
        [W_UNC_TITLE] = "Uncertainty: %s draws (seed %llu). NPV in kronor, %d prices, %s.",
        [W_P50] = "P50",
        [W_CHANCE] = "Chance > 0",
        [W_EVPI] = "EVPI",
        [W_UNC_NOTES] =
                "P5/P95: 5%% of the draws give a lower/higher NPV. Chance > 0: the share of draws with a positive NPV.\nEVPI: what certain knowledge of the uncertain inputs would be worth to the decision to fund or not (kronor).\n",
        [W_UNC_PAID_TITLE] = "Paid back, share of draws (%s):",
        [W_UNC_NOT_WITHIN] = "not within %d years",
        [W_TORNADO_TITLE] = "Sensitivity: the public sector's NPV when one input at a time moves",
        [W_NPV_AT_LOW] = "NPV at low",
        [W_AT_HIGH] = "at high",
        [W_TORNADO_NOTE] =
                "Low and high: the values of [sensitivity], else the 5th and 95th percentiles of the distribution in [uncertainty].",
        [W_MORE_INPUTS] = "(and %zu more inputs; all are in the JSON and the workbook)",

        /* The workbook: sheet names, properties, print footer */
        [W_SHEET_SUMMARY] = "Summary",
        [W_SHEET_PER_ACTOR] = "Per actor",
        [W_SHEET_BY_SEX] = "Women and men",
        [W_SHEET_OUTCOMES] = "Outcomes",
        [W_SHEET_UNCERTAINTY] = "Uncertainty",
        [W_SHEET_ASSUMPTIONS] = "Assumptions",
        [W_SHEET_METHOD] = "Method",
        [W_SHEET_DATA] = "Data",
        [W_SHEET_COMPARISON] = "Comparison",
        [W_SUBJECT] = "Socioeconomic investment calculation: %s",
        [W_DOC_COMMENTS] = "https://samkalk (socioekonomisk investeringskalkyl)",
        [W_PRINT_FOOTER] = "&Lsamkalk &CPage &P of &N&R%s",

        /* The workbook's summary sheet (xlsx/summary.c) */
        [W_PV_INVESTMENT_HEAD] = "Investment (present value)",
        [W_PV_SAVINGS_HEAD] = "Savings (present value)",
        [W_PAID_BACK_IN] = "Paid back in",
        [W_RETURN_PER_KRONA] = "Return per krona invested",
        [W_NET_AFTER] = "Net after %d years, %s",
        [W_UNIT_KR_PRICES] = "kr, %d prices",
        [W_SENTENCE_PAID] = "%s invests %s and has recovered the investment in %d.",
        [W_SENTENCE_NOT_PAID] = "%s invests %s but has not recovered it within %d years (NPV %s).",
        [W_SENTENCE_SAVES] = "%s invests nothing and saves %s.",
        [W_SENTENCE_COSTS] = "%s invests nothing but bears %s in higher costs.",
        [W_SENTENCE_NONE] = "%s is not affected in the calculation.",
        [W_MONEY_MILLIONS] = "%s mnkr",
        [W_MONEY_KR] = "%s kr",
        [W_BREAK_EVEN_INTRO] = "Break-even: the intervention breaks even ",
        [W_FISCAL_MID] = "Public sector",
        [W_SOCIETY_MID] = "Society",
        [W_BREAK_EVEN_ITEM] = "for %s at %s of the assumed effect",
        [W_BREAK_EVEN_NEVER] = "for %s never (not even at %s of the effect)",
        [W_BREAK_EVEN_RATE] = " (%s to %s a year)",
        [W_CHART_CUMULATIVE] = "Cumulative net per actor (savings − investment)",
        [W_FOOTER] =
                "Amounts in %d prices. Discount rate %s. Horizon %d years (%d–%d). samkalk %s, run %s.",

        /* The workbook's flow sheets (xlsx/flows.c) */
        [W_FLOWS_TITLE] = "%s: costs and savings per year",
        [W_FLOWS_NOTE] =
                "Amounts in kr, %d prices. Savings = cost without − cost with the intervention. The discount factor is computed from the rate on the Assumptions sheet.",
        [W_ITEM] = "Item",
        [W_TOTAL] = "Total",
        [W_T_LABEL] = "Year of the calculation (t)",
        [W_RATE_LABEL] = "Discount rate",
        [W_FACTOR_LABEL] = "Discount factor",
        [W_ROW_WITHOUT] = "Cost without intervention",
        [W_ROW_WITH] = "Cost with intervention",
        [W_ROW_INVESTMENT] = "Investment (the intervention's cost)",
        [W_ROW_NET] = "Net (savings − investment)",
        [W_ROW_CUMULATIVE] = "Net, cumulative",
        [W_ROW_DISCOUNTED] = "Net, discounted",

        /* The workbook's outcomes sheet (xlsx/outcomes.c) */
        [W_OUTCOMES_TITLE] = "Outcomes: person-years per state",
        [W_OUTCOMES_NOTE] =
                "Person-years = persons in the state, summed over %d–%d (the same occupancy the costs use).",
        [W_DIFFERENCE_WITH_WITHOUT] = "Difference (with − without)",
        [W_YEARLY_WITHOUT] = "Without the intervention: persons per state and year",
        [W_YEARLY_WITH] = "With the intervention: persons per state and year",
        [W_PERSONS] = "persons",

        /* The workbook's assumptions sheet (xlsx/assumptions.c) */
        [W_RATE_NAME] = "DiscountRate",
        [W_ASSUMPTIONS_TITLE] = "Assumptions: every input, with its source and line in the file",
        [W_BASICS] = "Basis of the calculation",
        [W_INPUT_DATA] = "Input",
        [W_VALUE] = "Value",
        [W_UNIT] = "Unit",
        [W_FILE_LINE] = "File:line",
        [W_SOURCE] = "Source",
        [W_DEFAULT] = "default",
        [W_NONE] = "none",
        [W_PRICE_YEAR] = "Price year",
        [W_COSTS_START] = "the occupancy at the start of the year",
        [W_COSTS_END] = "the occupancy at the end of the year",
        [W_COSTS_MEAN] = "the mean of start and end",
        [W_UNIT_YEARS] = "years",
        [W_UNIT_PROBABILITY] = "probability per year",
        [W_START_TITLE] = "Starting distribution (share per state)",
        [W_COSTS_TITLE] = "The intervention's costs per actor",
        [W_FIXED_COST] = "Fixed cost per year",
        [W_COST_PER_PARTICIPANT] = "Per participant and year",
        [W_STARTUP_COST] = "Start-up, year 1",
        [W_ACTORS_TITLE] = "Actors",
        [W_ACTOR_NAME] = "Name",
        [W_ACTOR_ID] = "Id",
        [W_ACTOR_KIND] = "Kind",
        [W_KIND_FISCAL] = "public budget",
        [W_KIND_ECONOMIC] = "economic (not public)",
        [W_KIND_HOUSEHOLD] = "household (the participants' income)",
        [W_TRANSITIONS_TITLE] = "Transitions as written in the scenario file",
        [W_TRANSITION] = "Transition",
        [W_SECTION] = "Section",
        [W_PROBABILITY] = "Probability per year",
        [W_INDEX_TITLE] = "Price index",
        [W_INDEX_YEAR] = "Year",
        [W_INDEX_VALUE] = "Index value",
        [W_UNIT_COSTS_TITLE] =
                "Annual cost per person and state, kr in %d prices (sum of the items below)",
        [W_ITEMS_TITLE] = "Items of the typical-person profile",
        [W_AMOUNT] = "Amount",
        [W_PRICE_MOVE] = "Price move",
        [W_AMOUNT_MOVED] = "Amount in %d prices",
        [W_MATRICES_TITLE] = "Transition matrices as used (row: from, column: to)",
        [W_SET_BASELINE] = "without the intervention",
        [W_SET_INTERVENTION] = "in the intervention years",
        [W_SET_AFTER] = "after the intervention",
        [W_OUTCOME_GENERATED] = "Generated from [outcome]: ",
        [W_FILES_TITLE] = "Input files",
        [W_FILE_GIVEN] = "File (as given)",
        [W_FILE_RESOLVED] = "Full path",
        [W_SHA256] = "SHA-256",

        /* The workbook's method sheet (xlsx/method.c), a paragraph each */
        [W_METHOD_COHORT] =
                "The calculation follows the same group of participants year by year twice: without the intervention and with it.",
        [W_METHOD_STATES] =
                "Each year every person is in one state (e.g. AM2, work, studies). The transition probabilities say how many change state in a year.",
        [W_METHOD_TRANSITIONS] =
                "Without the intervention the transitions of [baseline] apply. With it, [intervention.transitions] applies in the years a group is in the intervention and [after] afterwards (else the baseline).",
        [W_METHOD_UNIT_COST] =
                "A person's cost to an actor in a year is the typical person's annual cost in that state (Assumptions sheet), moved to the price year by the index.",
        [W_METHOD_YEAR_COST] =
                "A year's cost to an actor = persons in each state × the annual cost, summed over states and groups.",
        [W_METHOD_SAVINGS] =
                "Savings = cost without − cost with the intervention. A minus means the actor's costs rise with the intervention.",
        [W_METHOD_INVESTMENT] =
                "Investment = the intervention's own costs: a fixed cost per year, a cost per participant and year, and a start-up cost in year 1.",
        [W_METHOD_NET] = "Net = savings − investment. NPV = the sum of the discounted nets.",
        [W_METHOD_DISCOUNTING] =
                "Discounting: an amount in year t is multiplied by 1/(1+r)^(t−1), r the discount rate (year 1 undiscounted), or by 1/(1+r)^t if so set.",
        [W_METHOD_PAYBACK] =
                "Paid back: the first year whose cumulative net is at least 0, in years (t−1) + (what was left to recover) / that year's net.",
        [W_METHOD_RETURN] =
                "Return per krona invested = present value of savings / present value of investment.",
        [W_METHOD_BREAK_EVEN] =
                "Break-even: the smallest share of the assumed effect (the difference between the transitions with and without) that gives an NPV of 0.",
        [W_METHOD_TOTALS] =
                "The public sector is the sum of the public actors; society is every actor in the profile.",
        [W_METHOD_SEXES] =
                "Women and men are computed separately, with their own shares and any transitions of their own, and summed.",
        [W_METHOD_LEFT_OUT] = "What the calculation leaves out:",
        [W_METHOD_LEFT_OUT_COSTS] =
                "– costs and revenues not in the profile, e.g. quality of life and, unless such an actor is added, production value;",
        [W_METHOD_LEFT_OUT_AFTER] = "– effects after the horizon;",
        [W_METHOD_LEFT_OUT_DISPLACEMENT] = "– displacement: other jobseekers may find work later;",
        [W_METHOD_LEFT_OUT_UNCERTAINTY] =
                "– uncertainty: the figures are point estimates of the scenario's assumptions; the Uncertainty sheet (when the scenario has [uncertainty] sections) shows how much they can vary.",
        [W_METHOD_FORMULAS] =
                "Every total, NPV and cumulative row is a formula: change the rate on the Assumptions sheet and recalculate, and the present values change.",

        /* The workbook's uncertainty sheet (xlsx/uncertainty.c) */
        [W_UNC_SHEET_TITLE] = "How sure is the result?",
        [W_UNC_SHEET_NOTE] = "NPV in kr, %d prices, %s. Public sector = %s. %s",
        [W_UNC_VALUES_NOTE] =
                "The figures on this sheet are computed by samkalk (values, not formulas).",
        [W_UNC_SENTENCE] =
                "%s: the NPV is positive in %s of %s draws (mean %s kr; 90%% of the draws between %s and %s kr).",
        [W_UNC_SENTENCE_NONE] = "No draws: the scenario has [sensitivity] sections only.",
        [W_P50_MEDIAN] = "P50 (median)",
        [W_CHANCE_POSITIVE] = "Chance that the NPV > 0",
        [W_EVPI_KR] = "EVPI, kr",
        [W_UNC_STATS_NOTE] =
                "P5/P95: 5%% of the draws give a lower/higher NPV. EVPI (expected value of perfect information): what certain knowledge of the uncertain inputs would be worth to the decision to fund or not.",
        [W_UNC_PAID_BY] = "Paid back by the end of (share of draws, undiscounted)",
        [W_UNC_NOT_WITHIN_HEAD] = "Not within %d years",
        [W_NO_INVESTMENT_HEAD] = "No investment",
        [W_HIST_TITLE] = "Distribution of the public sector's NPV",
        [W_HIST_FROM] = "From, kr",
        [W_HIST_TO] = "To, kr",
        [W_HIST_COUNT] = "Draws",
        [W_HIST_SHARE] = "Share",
        [W_HIST_AXIS] = "Share of draws",
        [W_HIST_CHART] = "The public sector's NPV, kr (red: a loss)",
        [W_TORNADO_SHEET_TITLE] =
                "Sensitivity (tornado): one input at a time moved to its low and high",
        [W_TORNADO_SHEET_NOTE] =
                "Low and high: the values of [sensitivity], else the 5th and 95th percentiles of the distribution. Sorted by the swing of the public sector's NPV.",
        [W_LINE] = "Line",
        [W_AT_LOW_KR] = "Public sector at low, kr",
        [W_AT_HIGH_KR] = "Public sector at high, kr",
        [W_SWING_KR] = "Swing, kr",
        [W_TORNADO_CHART] = "The public sector's NPV when one input moves",
        [W_TORNADO_AXIS] = "NPV, kr (bars start at the calculation's %s kr)",
        [W_BASE_NPV] = "The calculation's NPV",
        [W_DIST_TITLE] = "The uncertain inputs and their distributions",
        [W_DISTRIBUTION] = "Distribution",
        [W_DIST_MEAN] = "Mean",
        [W_DIST_SD] = "Standard deviation",

        /* The comparison's workbook sheet (xlsx/comparison.c) */
        [W_CMP_SHEET_TITLE] = "Comparison of %zu interventions",
        [W_CMP_SHEET_NOTE] =
                "Amounts in kr, %d prices (other price years moved by each profile's index). Rank 1 = the highest NPV.",
        [W_CMP_LEGEND] = "Scenario %zu: %s (%s)",
        [W_CMP_COPIES] =
                "The sheets after this one are each scenario's own summary, with values; the formulas are in the scenario's own workbook (samkalk run -o).",
        [W_MEASURE] = "Measure",
        [W_GAINED] = "Person-years gained (with − without)",
        [W_CMP_CHART_NET] = "Public sector: cumulative net by year of the calculation",
        [W_CMP_CHART_PAYBACK] = "Years to payback per actor",
        [W_YEAR_T] = "Year %d",

        /* The comparison in text (comparison.c); the measures also in its workbook */
        [W_MEASURE_NPV] = "NPV, kr",
        [W_MEASURE_PV_INVESTMENT] = "Investment (present value), kr",
        [W_MEASURE_PV_SAVINGS] = "Savings (present value), kr",
        [W_MEASURE_PAYBACK_YEAR] = "Paid back (year)",
        [W_MEASURE_PAYBACK_YEARS] = "Paid back after years",
        [W_MEASURE_PAYBACK_DISC_YEAR] = "Paid back, discounted (year)",
        [W_MEASURE_PAYBACK_DISC_YEARS] = "Paid back, discounted, after years",
        [W_MEASURE_BREAK_EVEN] = "Break-even, share of the assumed effect",
        [W_MEASURE_NET_AFTER_1] = "Net after 1 year (cumulative), kr",
        [W_MEASURE_NET_AFTER_5] = "Net after 5 years (or the horizon), kr",
        [W_MEASURE_COST_PER_WORK_YEAR] = "Net cost per additional person-year in work, kr",
        [W_CMP_TITLE] = "Comparison of %zu interventions. Amounts in kronor, %d prices.",
        [W_SCENARIOS] = "Scenarios",
        [W_GAINED_PER_STATE] = "Person-years gained per state (with − without)",
        [W_DASH_NOTE] =
                "A dash: does not exist (no investment, not paid back, actor not in the profile).",
        [W_NOTE_RATES] = "The discount rates differ (",
        [W_NOTE_RATES_END] = "): present values are compared as they are. ",
        [W_NOTE_HORIZONS] = "The horizons differ (",
        [W_NOTE_HORIZONS_END] = "): a longer horizon counts more years of savings. ",
        [W_NOTE_STARTS] = "The start years differ; payback years are calendar years. ",
        [W_NOTE_TIMING] = "Discounting starts differently (year 1 undiscounted or not). ",
        /* The follow-up (followup.c) */
        [W_FU_TITLE] = "Follow-up",
        [W_FU_DATA] = "Data: %s, %s.",
        [W_FU_PANEL] =
                "person panel: %s rows, %s persons, %s moves between years, %s lost to follow-up",
        [W_FU_MOVES] = "counted moves: %s rows, %s moves",
        [W_FU_STATES] = "counted states: %s rows",
        [W_FU_COMPARISON] =
                "Comparison group: %s persons; their moves estimate the transitions without the intervention.",
        [W_FU_CONVERTED] = "The file was encoded in Windows-1252 (Excel) and was read as such.",
        [W_FU_SUPPRESSED] = "%s counts were suppressed as <5 and count as 2.5.",
        [W_FU_MORE_THAN_PLANNED] =
                "Note: the follow-up has more persons (%s) than the cohort plans (%s). The calculation counts the planned persons.",
        [W_FU_ESTIMATE_TITLE] =
                "Estimated yearly transitions %s (the assumption weighs as %s followed-up persons):",
        [W_FU_SET_BASELINE] = "without the intervention",
        [W_FU_SET_INTERVENTION] = "during the intervention",
        [W_FU_SET_AFTER] = "after the intervention",
        [W_FU_BOTH_SEXES] = "women and men",
        [W_FU_FROM] = "From",
        [W_FU_TO] = "To",
        [W_FU_N] = "Observed",
        [W_FU_ASSUMED] = "Assumed",
        [W_FU_ESTIMATE] = "Estimated",
        [W_FU_INTERVAL] = "90%% interval",
        [W_FU_KEPT] = "Without observed moves the assumption is kept for: %s.",
        [W_FU_MIXED] =
                "The estimate holds for women and men together (by_sex = no); the assumptions for women and men are mixed by the share of women.",
        [W_FU_NO_SEX_COLUMN] =
                "by_sex = yes, but the file has no sex column: one estimate for both.",
        [W_FU_STATES_ONLY] =
                "Counted states show the outcome but not the moves: the re-forecast uses the assumed transitions.",
        [W_FU_OUTCOME_TITLE] = "Forecast against outcome, share in each state (the intake of %d):",
        [W_FU_YEAR] = "Year",
        [W_FU_FORECAST] = "Forecast",
        [W_FU_OUTCOME] = "Outcome",
        [W_FU_COUNT] = "Count",
        [W_FU_REFORECAST] =
                "Re-forecast: %s realised (observed shares times the planned participants), %s projected with %s.",
        [W_FU_REFORECAST_ALL] =
                "Re-forecast: %s realised (observed shares times the planned participants).",
        [W_FU_REFORECAST_NONE] =
                "Re-forecast: no year is realised yet; %s projected with %s.",
        [W_FU_BASELINE_ASSUMED] =
                "Without the intervention: the scenario's assumption, projected from the observed entry states.",
        [W_FU_BASELINE_ESTIMATED] =
                "Without the intervention: estimated from the comparison group, projected from the observed entry states.",
        [W_FU_ATTRIBUTED] =
                "The outcome is credited to the intervention by %s%%, as the effect in the forecast (attribution).",
        [W_FU_SAVED_FORECAST] = "Savings to %d, forecast",
        [W_FU_SAVED_OUTCOME] = "outcome",
        [W_FU_NPV_WAS] = "NPV, forecast",
        [W_FU_NPV_NOW] = "re-forecast",
        [W_FU_SENTENCE] =
                "%s: the forecast was %s in savings to %d, the outcome %s; with the outcome counted in, the NPV is now %s (was %s)",
        [W_FU_SENTENCE_NONE] = "%s: with the estimated transitions the NPV is now %s (was %s)",
        [W_FU_UNDISCOUNTED] =
                "Savings to a year are undiscounted kronor; the NPVs are discounted as elsewhere.",
        [W_FU_CHANCE] = " and the chance of a gain %s (was %s).",
        [W_FU_OUTSIDE] = "* outside the forecast's 90%% interval from the uncertainty analysis.",
        [W_FU_DRAWN] =
                "In the uncertainty analysis the estimated rows are drawn from their posterior (and suppressed counts from 1–4); distributions in [uncertainty X] for the same moves are replaced.",
        /* The follow-up's sheet (xlsx/followup.c) */
        [W_SHEET_FOLLOWUP] = "Follow-up",
        [W_FUS_TITLE] = "Follow-up: the outcome so far and a re-forecast",
        [W_FUS_NOTE] =
                "The forecast is the one the decision was taken on (the Summary and Per actor sheets show it unchanged); the re-forecast counts in what has already happened.",
        [W_FUS_TABLE_TITLE] = "Does it still pay? Forecast and re-forecast per actor",
        [W_FUS_TABLE_NOTE] =
                "Amounts in kr, %d prices; savings to a year are undiscounted. Optimism = forecast / outcome: 1.40 means the forecast promised 40%% more than came true (− when the outcome is not a saving).",
        [W_FUS_SAVED_OUTCOME] = "Savings to %d, outcome",
        [W_FUS_OPTIMISM] = "Optimism (forecast / outcome)",
        [W_FUS_NPV_NOW] = "NPV, re-forecast",
        [W_FUS_PAYBACK_WAS] = "Paid back in, forecast",
        [W_FUS_PAYBACK_NOW] = "Paid back in, re-forecast",
        [W_FUS_FLOWS_TITLE] = "Re-forecast per actor and year",
        [W_FUS_FLOWS_NOTE] =
                "Amounts in kr, %d prices. Shaded years are realised (the outcome), the others projected. Net = savings − investment, with the forecast's investment (the Per actor sheet).",
        [W_FUS_REALISED] = "realised",
        [W_FUS_PROJECTED] = "projected",
        [W_FUS_SAVINGS_NOW] = "Savings, re-forecast",
        [W_FUS_SAVINGS_WAS] = "Savings, forecast",
        [W_FUS_NET_NOW] = "Net, re-forecast",
        [W_FUS_NET_WAS] = "Net, forecast",
        [W_FUS_CHART_TITLE] = "Did it go as we assumed? Savings so far, forecast against outcome",
        [W_FUS_CHART_NOTE] =
                "Cumulative savings in kr, undiscounted. The line is the forecast, the points the outcome and the dashed line the re-forecast from the last realised year.",
        [W_FUS_REFORECAST] = "Re-forecast",
        [W_FUS_COST_WAS] = "Cost per participant, forecast",
        [W_FUS_COST_SEEN] = "Cost per participant, outcome",
        [W_FUS_CHART_NAME] = "%s: savings so far, kr",
        [W_FUS_CHART_DATA] = "The figures behind the charts",
        [W_FUS_ROWS_NOTE] =
                "The share per year that moves from one state to another. Estimated = the assumption and the outcome weighed together; the more moves observed, the narrower the 90%% interval.",
        [W_FUS_FROM_TO] = "From / to",
        [W_FUS_MOVES] = "Moves (observed / all)",
        [W_FUS_LOW] = "low",
        [W_FUS_HIGH] = "high",
        [W_FUS_OUTCOME_TITLE] = "Forecast against outcome per state",
        [W_FUS_OUTCOME_NOTE] =
                "The share of the group in each state: the forecast (as assumed, with the intervention) against the outcome. Count = persons observed in the state.",
        [W_FUS_OUTCOME_GROUP] = "%d, the intake of %d",
        [W_FUS_METHOD] =
                "Follow-up (the Follow-up sheet): the years already lived are counted with the outcome (observed shares times the planned participants), the rest projected with transitions estimated from the follow-up.",
        [W_FUS_CHANCE_WAS] = "Chance of a gain, forecast",
        [W_FUS_CHANCE_NOW] = "Chance of a gain, re-forecast",
        [W_FU_WITH_ESTIMATED] =
                "the estimated transitions",
        [W_FU_WITH_ASSUMED] =
                "the assumed transitions",
        [W_FU_BASELINE_PLANNED] =
                "Without the intervention: the scenario's assumption, from the planned starting distribution.",
        [W_FU_BASELINE_ESTIMATED_PLANNED] =
                "Without the intervention: estimated from the comparison group, from the planned starting distribution.",
};
/* clang-format on */
