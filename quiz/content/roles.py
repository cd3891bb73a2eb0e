"""Default roles with their expected profiles, in our own words after the public sources each role lists.

Skill levels 0–4: 0 not expected · 1 basics, needs guidance · 2 independent on own scope ·
3 advanced, coaches others, works across teams · 4 expert, sets the standard.

The hierarchy is consistent across three ladders (judgement calls, J, after GitLab's job
families, Findmypast's framework and Resonance Search's comparisons):

- years of experience (0 under 3 · 1 3–5 · 2 6–9 · 3 10–14 · 4 15 or more),
- the widest scope held (0 own tasks · 1 one product or project · 2 several teams ·
  3 a product line or a small company's product · 4 every product line),
- people leadership (0 none · 2 mentors · 3 manages a team · 4 manages managers).

A role above another on a ladder never expects less of what defines the step. Importance:
3 for a role's defining competencies, 2 for other expected levels of 2 or more, 1 otherwise;
every skill and experience fact is in every profile, preferences only where they apply
(leadership style is left out of roles without reports).

Pay: one source family only, the U.S. Bureau of Labor Statistics' Occupational Employment
and Wage Statistics for May 2024: national annual wages, the 10th percentile, median and 90th
percentile of one occupation, linked to that occupation's own table. BLS has no product
occupation, so most roles show the nearest one as a proxy, said in words on the page with
where the role usually sits in its range (our estimate, with the reason). Unchecked claims
that circulate in articles are not repeated. Only United States figures exist here, and
every page says so. docs/content.md lists the sources and how the ladder was checked.
"""

from .job_search import JOB_SEARCH

SKILL_COLUMNS = [
    "customer-insight",
    "product-strategy",
    "delivery-execution",
    "backlog-management",
    "stakeholder-communication",
    "data-metrics",
    "technical-fluency",
    "business-acumen",
    "people-leadership",
    "cross-team-coordination",
    "planning-control",
    "decision-making",
    "compliance-risk",
    "ux-design",
    "managing-up",
]
PREFERENCE_COLUMNS = [
    "scope-breadth",
    "people-management",
    "strategic-focus",
    "product-direction",
    "leadership-style",
]
EXPERIENCE_COLUMNS = ["experience-years", "scope-held", "people-managed"]
PREFERENCE_IMPORTANCE = {
    "scope-breadth": 3,
    "people-management": 3,
    "strategic-focus": 2,
    "product-direction": 3,
    "leadership-style": 1,
}

SRC_SCRUM = "Scrum Guide 2020 (Schwaber, Sutherland): https://scrumguides.org/docs/scrumguide/v2020/2020-Scrum-Guide-US.pdf"
SRC_SAFE = (
    "SAFe Product Owner and Product Management roles: https://www.scrumscious.com/frameworks/safe/roles/po"
)
SRC_ARTICLE = 'IT Vacancies, "Navigating the Difference Between Product Manager and Head of Product", 11 Jun 2024 (updated 28 Jan 2025)'
SRC_GITLAB_PM = "GitLab handbook, Product Manager role: https://handbook.gitlab.com/handbook/product/product-management/product-manager-role"
SRC_GITLAB_LEADERSHIP = "GitLab job families, product management leadership (Group PM, Director, VP): https://handbook.gitlab.com/job-families/product/product-management-leadership/"
SRC_GITLAB_CPO = "GitLab job family, Chief Product Officer: https://handbook.gitlab.com/job-families/product/chief-product-officer/"
SRC_MEHTA = "Ravi Mehta, Product Competency Toolkit: https://www.ravi-mehta.com/toolkit"
SRC_PMI_PROGRAM = "PMI, The Standard for Program Management (definitions of program and portfolio): https://www.pmi.org/standards/program-management"
SRC_PMI_PGMP = "PMI PgMP eligibility (with a four-year degree, 48 months of project and 48 months of programme management experience; without one, 48 months of project and 84 months of programme experience; both within the last 15 years): https://coachproconsulting.com/pgmp-eligibility"
SRC_PMI_PMP = "PMI PMP eligibility (36 months leading projects and 35 hours of training with a four-year degree): https://www.rosemet.com/pmp-certification-requirements"
SRC_RESONANCE = "Resonance Search, Group PM vs Director of Product vs Head of Product: https://www.resonancesearch.com/compare/group-product-manager-gpm-vs-director-of-product-vs-head-of-product-management"
SRC_RESONANCE_CPO = "Resonance Search, Group PM vs CPO vs Head of Product: https://resonancesearch.com/compare/group-product-manager-gpm-vs-chief-product-officer-cpo-vs-head-of-product-management"
SRC_LAUNCHNOTES = "LaunchNotes, Head of Product vs VP of Product: https://www.launchnotes.com/blog/head-of-product-vs-vice-president-of-product-vp-a-deep-dive-into-strategic-leadership-at-different-altitudes"
SRC_ICAGILE = "ICAgile, The Product Manager Career Path, 29 Mar 2024: https://www.icagile.com/resources/the-product-manager-career-path-how-to-break-into-the-field"
SRC_GOOGLE_APM = (
    "Google Associate Product Manager programme: https://buildyourfuture.withgoogle.com/programs/apm-program/"
)
SRC_IDEAPLAN_APM = (
    "IdeaPlan, Associate Product Manager: https://www.ideaplan.io/glossary/associate-product-manager"
)
SRC_FINDMYPAST = "Findmypast career progression framework, product (mid, senior, principal): https://github.com/findmypast/career-progression-framework"
SRC_TPM = "TPM vs PM: https://arsenii.com/tpm-vs-product-manager.html"
SRC_TPM_2 = "Technical program manager vs product manager: https://thepriyankashinde.com/post/technical-program-manager-vs-product-manager"
SRC_BUILTIN = "Built In, Chief Product Officer: https://builtin.com/learn/careers/chief-product-officer-cpo"
SRC_AIRFOCUS = "airfocus, What is a CPO (the top product job is also titled Head or VP of Product): https://airfocus.com/glossary/what-is-a-CPO-in-business/"
SRC_EXPONENT = "Exponent, from software engineer to product manager: https://tryexponent.com/blog/transition-software-to-product"
SRC_BABOK = "IIBA, BABOK definition of business analysis: https://www.vanharen.net/shop/categories/enterprise-architecture/babok/"
SRC_PRODUCTPLAN = (
    "ProductPlan, the product manager career path: https://www.productplan.com/product-manager-career-path/"
)
SRC_SITUATIONAL = "Hersey and Blanchard, situational leadership (directing, coaching, supporting, delegating): https://en.wikipedia.org/wiki/Situational_leadership_theory"

BLS_SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024"
BLS_URL = "https://www.bls.gov/ooh/"
OEWS_URL = "https://www.bls.gov/oes/2024/may/oes{code}.htm"
REGION_US = "United States, national"
BASIS_WAGE = "annual-wage"


def _bls(median, occupation, path):
    """A BLS median annual wage alone: kept for starting points, which are not recommended."""
    return {
        "low": None,
        "median": median,
        "high": None,
        "currency": "USD",
        "source": f"{BLS_SOURCE}: {occupation}",
        "source_url": BLS_URL + path,
        "year": 2024,
        "region": REGION_US,
        "basis": BASIS_WAGE,
    }


def _oews(occupation, proxy=False):
    """The 10th to 90th percentile and median annual wage of one OEWS occupation, national,
    May 2024, linked to that occupation's own table. ``proxy``: the occupation is the
    nearest official one, not the role itself (the page says so in words)."""
    title, code, (p10, median, p90), top_coded = occupation
    return {
        "low": p10,
        "median": median,
        "high": p90,
        "currency": "USD",
        "source": f"{BLS_SOURCE}: {title} ({code})",
        "source_url": OEWS_URL.format(code=code.replace("-", "")),
        "year": 2024,
        "region": REGION_US,
        "basis": BASIS_WAGE,
        "occupation": f"{title} (SOC {code})",
        "proxy": proxy,
        "low_percentile": 10,
        "high_percentile": 90,
        "high_open": top_coded,
    }


# (title, SOC code, (10th percentile, median, 90th percentile) of the annual wage, whether
# the 90th percentile is top-coded: OEWS publishes wages above $239,200 only as "or more").
PROJECT_SPECIALISTS = ("Project Management Specialists", "13-1082", (59410, 100750, 167060), False)
IT_MANAGERS = ("Computer and Information Systems Managers", "11-3021", (104450, 171200, 239200), True)
SOFTWARE_DEVELOPERS = ("Software Developers", "15-1252", (79850, 133080, 211450), False)

NO_PM_OCCUPATION = "BLS has no product manager occupation. Software product managers are most often classed with computer and information systems managers, so we show that occupation's range as a proxy: it mixes IT managers of every level with product people."
ONLY_US = "Only United States figures are shown: we have not yet found an official survey for other countries that names product roles (the UK's earnings survey groups them with other managers)."


def _position(words):
    """Where a role usually sits in its occupation's range: our estimate, with the reason."""
    return f"Our estimate: {words}"


# slug: (skills in SKILL_COLUMNS order, preferences in PREFERENCE_COLUMNS order (None: does
#        not apply), experience in EXPERIENCE_COLUMNS order, the defining competencies)
# fmt: off
PROFILES = {
    #                            cu st de ba co da te bi le cr pl dm ri ux up     br pe sf di ls      yr sh pm
    "associate-pm":             ([1, 1, 2, 2, 1, 2, 2, 1, 0, 0, 1, 1, 0, 1, 0], [0, 0, 0, 3, None], [0, 0, 0],
                                 ["delivery-execution", "data-metrics", "technical-fluency", "experience-years"]),
    "product-owner":            ([2, 1, 3, 4, 3, 2, 2, 1, 0, 1, 2, 3, 1, 1, 1], [1, 0, 1, 3, None], [1, 1, 0],
                                 ["backlog-management", "delivery-execution", "decision-making", "stakeholder-communication"]),
    "product-manager":          ([3, 2, 3, 2, 3, 3, 2, 2, 0, 2, 1, 3, 1, 2, 1], [1, 1, 2, 4, None], [1, 1, 0],
                                 ["customer-insight", "data-metrics", "delivery-execution", "decision-making"]),
    "senior-pm":                ([3, 3, 3, 2, 3, 3, 2, 3, 2, 2, 1, 3, 2, 2, 2], [2, 1, 2, 4, None], [2, 2, 0],
                                 ["product-strategy", "business-acumen", "data-metrics", "experience-years"]),
    "principal-pm":             ([3, 4, 2, 1, 4, 3, 3, 3, 2, 3, 1, 4, 2, 2, 3], [3, 0, 3, 4, None], [3, 3, 0],
                                 ["product-strategy", "stakeholder-communication", "decision-making", "experience-years"]),
    "group-pm":                 ([3, 3, 3, 1, 3, 3, 2, 3, 3, 3, 1, 3, 2, 2, 2], [2, 3, 2, 4, 1], [2, 2, 2],
                                 ["people-leadership", "product-strategy", "cross-team-coordination", "people-managed"]),
    "head-of-product":          ([3, 3, 3, 1, 3, 3, 2, 3, 3, 3, 1, 3, 2, 2, 3], [4, 3, 2, 4, 2], [3, 3, 2],
                                 ["product-strategy", "stakeholder-communication", "people-leadership", "decision-making"]),
    "director-of-product":      ([3, 3, 2, 1, 4, 3, 2, 3, 4, 3, 2, 3, 2, 2, 3], [3, 4, 3, 4, 3], [3, 3, 3],
                                 ["people-leadership", "product-strategy", "stakeholder-communication", "people-managed"]),
    "vp-product":               ([3, 4, 2, 0, 4, 3, 2, 3, 4, 3, 2, 4, 3, 1, 3], [4, 4, 3, 4, 3], [4, 4, 4],
                                 ["product-strategy", "people-leadership", "cross-team-coordination", "scope-held"]),
    "cpo":                      ([3, 4, 1, 0, 4, 3, 2, 4, 4, 2, 2, 4, 3, 1, 4], [4, 4, 4, 4, 4], [4, 4, 4],
                                 ["product-strategy", "business-acumen", "managing-up", "scope-held"]),
    "program-manager":          ([1, 2, 3, 1, 3, 2, 1, 2, 2, 4, 4, 3, 3, 0, 3], [3, 1, 2, 1, None], [2, 2, 1],
                                 ["cross-team-coordination", "planning-control", "compliance-risk", "managing-up"]),
    "technical-program-manager":([1, 2, 3, 1, 3, 2, 4, 1, 1, 4, 3, 3, 3, 0, 2], [2, 0, 1, 1, None], [2, 2, 0],
                                 ["technical-fluency", "cross-team-coordination", "delivery-execution", "compliance-risk"]),
    "project-manager":          ([1, 1, 3, 2, 3, 1, 1, 1, 1, 2, 4, 2, 3, 0, 2], [1, 1, 1, 0, None], [1, 1, 0],
                                 ["planning-control", "delivery-execution", "compliance-risk", "stakeholder-communication"]),
    # Where people start: their profiles describe what they typically bring.
    "software-engineer":        ([1, 0, 2, 1, 1, 1, 4, 0, 0, 1, 1, 1, 1, 1, 0], [0, 0, 0, 2, None], [1, 1, 0], ["technical-fluency"]),
    "ux-designer":              ([3, 1, 2, 1, 2, 1, 1, 0, 0, 1, 1, 1, 0, 4, 0], [1, 0, 1, 3, None], [1, 1, 0], ["ux-design", "customer-insight"]),
    "business-analyst":         ([2, 1, 2, 2, 3, 2, 2, 2, 0, 1, 2, 1, 2, 1, 1], [1, 0, 1, 2, None], [1, 1, 0], ["stakeholder-communication"]),
    "data-analyst":             ([1, 1, 1, 0, 2, 4, 2, 1, 0, 0, 1, 1, 1, 0, 1], [1, 0, 1, 2, None], [1, 1, 0], ["data-metrics"]),
    "consultant":               ([2, 3, 1, 0, 4, 3, 1, 3, 1, 2, 2, 3, 2, 1, 3], [3, 1, 3, 3, None], [2, 2, 1], ["stakeholder-communication", "business-acumen"]),
    "founder":                  ([3, 3, 3, 1, 3, 2, 2, 3, 2, 1, 1, 4, 2, 2, 3], [4, 3, 3, 4, 1], [2, 3, 2], ["product-strategy", "decision-making"]),
    "student":                  ([0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 2, None], [0, 0, 0], []),
    # ---- Added by the content work (issue #26): new rungs and starting points. First
    # estimates for the advice work to recalibrate with the rest of the ladder.
    #                            cu st de ba co da te bi le cr pl dm ri ux up     br pe sf di ls      yr sh pm
    # Planning at 3 (across teams), not 4 (the organisation's standard): a director of TPM in a
    # tech company sets the planning cycle but rarely keeps budgets and critical paths, and a
    # head of PMO is recognised by reporting delivery and risk upward (managing up).
    "director-of-program-management": ([1, 2, 3, 0, 4, 2, 3, 2, 4, 4, 3, 3, 3, 0, 3], [3, 4, 3, 0, 3], [3, 3, 3],
                                 ["cross-team-coordination", "people-leadership", "managing-up", "people-managed"]),
    "engineering-manager":      ([1, 2, 3, 1, 3, 2, 4, 1, 3, 3, 3, 3, 2, 1, 2], [2, 3, 1, 2, None], [2, 2, 2], ["technical-fluency", "people-leadership"]),
    "scrum-master":             ([1, 0, 3, 2, 3, 1, 2, 0, 2, 2, 2, 1, 1, 0, 1], [1, 0, 0, 1, None], [1, 1, 0], ["delivery-execution"]),
    "product-marketing-manager":([4, 3, 2, 1, 4, 3, 1, 3, 0, 2, 2, 2, 1, 1, 2], [1, 0, 2, 3, None], [1, 1, 0], ["customer-insight", "stakeholder-communication"]),
}
# fmt: on


def _importance(comp, level, top):
    if comp in top:
        return 3
    if comp in PREFERENCE_IMPORTANCE:
        return PREFERENCE_IMPORTANCE[comp]
    if comp == "people-managed":
        return 2 if level >= 2 else 1
    if comp in EXPERIENCE_COLUMNS:
        return 3
    return 2 if level >= 2 else 1


def _profile(slug):
    skills, preferences, experience, top = PROFILES[slug]
    profile = {}
    columns = (
        list(zip(SKILL_COLUMNS, skills, strict=True))
        + list(zip(PREFERENCE_COLUMNS, preferences, strict=True))
        + list(zip(EXPERIENCE_COLUMNS, experience, strict=True))
    )
    for comp, level in columns:
        if level is not None:
            profile[comp] = {"level": level, "importance": _importance(comp, level, top)}
    return profile


ROLES = [
    {
        "slug": "associate-pm",
        "name": "Associate Product Manager",
        "family": "product",
        "seniority": 0,
        "aliases": ["APM", "Junior Product Manager", "Rotational Product Manager (RPM)"],
        "summary": "The entry point into product management: you own small features from problem to launch while a senior product manager guides you, often inside a structured programme of 18 to 24 months.",
        "responsibilities": [
            "Own a small feature end to end: problem, specification, launch and follow-up",
            "Write user stories and acceptance criteria with the team",
            "Pull and read the data on how your feature is used",
            "Learn the craft from a senior product manager through reviews and feedback",
        ],
        "typical_week": "Stand-ups and refinement with one team, a few user conversations, writing and reviewing specifications, a weekly check-in with your mentor, and a first look at the numbers after each release.",
        "scope": {
            "teams": "One feature inside one team",
            "reports": "",
            "budget": "None",
            "horizon": "A sprint to one quarter",
        },
        "reports_to": "A senior product manager or a group product manager",
        "experience": "often the first job after studies; programmes such as Google's hire recent graduates",
        "company_context": "Large tech companies run formal associate programmes with rotations; startups rarely hire associates and more often call the first product hire a product manager.",
        "leadership_style": "",
        "salary": _oews(PROJECT_SPECIALISTS, proxy=True),
        "pay_note": "BLS has no product occupation for entry roles; project management specialists, who coordinate the schedule, staffing and budget of a product or service, are the nearest. "
        + _position(
            "associate roles sit in the lower half of this range, since they are entry roles; large tech companies' programmes pay more."
        )
        + " "
        + ONLY_US,
        "sources": [SRC_GOOGLE_APM, SRC_ICAGILE, SRC_IDEAPLAN_APM],
    },
    {
        "slug": "product-owner",
        "name": "Product Owner",
        "family": "product",
        "seniority": 1,
        "aliases": ["PO", "Product Owner (SAFe)", "Technical Product Owner"],
        "summary": "In Scrum, the one person accountable for maximising the value of a product: you develop and communicate the product goal, create and order the product backlog, and keep it transparent. One product has one product owner, even when several Scrum teams work on it.",
        "responsibilities": [
            "Develop the product goal and communicate it explicitly",
            "Create product backlog items and communicate them clearly",
            "Order the product backlog by value",
            "Keep the product backlog transparent, visible and understood",
            "Make the calls on the backlog that the organisation then respects",
        ],
        "typical_week": "Sprint planning and sprint review with the Scrum team or teams, questions from developers every day, refinement, stakeholder requests to weigh and order, and checking progress toward the product goal.",
        "scope": {
            "teams": "One product: one or several Scrum teams sharing its backlog",
            "reports": "",
            "budget": "Rarely a P&L",
            "horizon": "Sprint to product goal",
        },
        "reports_to": "A product manager, a head of product, or the business line that owns the product",
        "experience": "many come from business analysis, engineering or a Scrum Master role",
        "company_context": "In SAFe and many large enterprises the product owner owns one team's backlog while product management owns vision and roadmap across teams; in smaller companies one person often does both jobs under either title.",
        "leadership_style": "",
        "salary": _oews(PROJECT_SPECIALISTS, proxy=True),
        "pay_note": "BLS has no product owner occupation; project management specialists are the nearest. "
        + _position("product owners sit around the middle of this range, above it in tech companies.")
        + " "
        + ONLY_US,
        "sources": [SRC_SCRUM, SRC_SAFE],
    },
    {
        "slug": "product-manager",
        "name": "Product Manager",
        "family": "product",
        "seniority": 1,
        "aliases": [
            "PM",
            "Product Lead (in small companies)",
            "Digital Product Manager",
            "Technical Product Manager (for a platform, API or developer product)",
        ],
        "summary": "Accountable for one product's or area's success: you understand the customers, decide what to build and why, and make sure it works for the business. You own the what and the why; engineering owns the how.",
        "responsibilities": [
            "Understand customers and their problems through research and data",
            "Decide what to build and why, and say no to the rest",
            "Keep a roadmap of 90 to 180 days tied to a one-year direction",
            "Define success metrics and report on outcomes, not output",
            "Work with engineering, design, marketing and sales to launch",
        ],
        "typical_week": "Customer interviews and usage data, a discovery session with design and engineering, refinement, a roadmap conversation with stakeholders, and a look at the last release's metrics.",
        "scope": {
            "teams": "One product area, one or two teams",
            "reports": "",
            "budget": "A P&L only in some companies",
            "horizon": "90–180 day roadmap, one-year direction",
        },
        "reports_to": "A group product manager, a director or a head of product",
        "experience": "often after a first role as associate product manager or product owner, or a move from engineering, design or analysis",
        "company_context": "In a startup the product manager may be the only one and also does the product owner's and the designer's work; in an enterprise the role often sits beside product owners and a program office.",
        "leadership_style": "",
        "salary": _oews(IT_MANAGERS, proxy=True),
        "pay_note": NO_PM_OCCUPATION
        + " "
        + _position("product managers without reports sit in the lower half of it.")
        + " "
        + ONLY_US,
        "sources": [SRC_GITLAB_PM, SRC_ICAGILE, SRC_MEHTA, SRC_ARTICLE],
    },
    {
        "slug": "senior-pm",
        "name": "Senior Product Manager",
        "family": "product",
        "seniority": 2,
        "aliases": ["Senior PM", "Product Manager II or III (in numbered ladders)"],
        "summary": "A product manager trusted with a larger, higher-stakes area and little guidance: you write the annual plan, lead initiatives across several teams and mentor other product managers, still as an individual contributor.",
        "responsibilities": [
            "Own a complex area or an initiative that spans several teams",
            "Write annual and quarterly plans tied to business goals",
            "Present to executives and defend trade-offs",
            "Mentor less experienced product managers",
        ],
        "typical_week": "Time with two or three teams, an initiative review with other product managers, a business case or pricing question with finance, an executive update, and a mentoring session.",
        "scope": {
            "teams": "Several teams or one complex initiative",
            "reports": "mentors other product managers",
            "budget": "Business cases for the area",
            "horizon": "Annual (12-month roadmap)",
        },
        "reports_to": "A group product manager or a director of product",
        "experience": "usually after several years as a product manager with launches you can point to",
        "company_context": "The title means most in companies with a product ladder of several levels; a small startup may give the same job the plain product manager title.",
        "leadership_style": "",
        "salary": _oews(IT_MANAGERS, proxy=True),
        "pay_note": NO_PM_OCCUPATION
        + " "
        + _position("senior product managers sit around its middle.")
        + " "
        + ONLY_US,
        "sources": [SRC_GITLAB_PM, SRC_FINDMYPAST],
    },
    {
        "slug": "principal-pm",
        "name": "Principal Product Manager",
        "family": "product",
        "seniority": 3,
        "aliases": [
            "Staff PM or Staff Product Manager (where staff is the top individual-contributor level; at companies with both, staff sits one level below principal)",
            "Lead PM (individual-contributor track)",
            "Principal PM",
        ],
        "summary": "The senior individual-contributor track: you take on the company's hardest, most cross-cutting product problems and set direction through influence rather than reports. It sits beside group product manager and director, for people who want to stay hands-on instead of managing.",
        "responsibilities": [
            "Own the product direction for a company-level problem or platform that crosses product lines",
            "Shape strategy with directors and executives through writing and evidence",
            "Raise the bar of product practice: reviews, mentoring, how decisions are made",
            "Resolve trade-offs between teams that no single team can settle",
        ],
        "typical_week": "Deep work on one or two strategic problems, reviews with several teams, a strategy document for leadership, mentoring sessions with senior product managers, and customer or partner conversations at the edge of the problem.",
        "scope": {
            "teams": "Several product lines or a platform many teams build on",
            "reports": "mentors senior product managers",
            "budget": "Shapes investment decisions without owning a budget",
            "horizon": "Two to three years",
        },
        "reports_to": "A director or VP of product",
        "experience": "usually after senior product manager",
        "company_context": "Mostly found in larger tech companies with a dual ladder; smaller companies rarely have a senior product role without reports. Ladders differ: some companies put staff below principal, a few add a distinguished level above it for a handful of people; compare the scope, not the title.",
        "leadership_style": "",
        "salary": _oews(IT_MANAGERS, proxy=True),
        "pay_note": NO_PM_OCCUPATION
        + " "
        + _position(
            "principal product managers sit in its upper half, paid like directors in the companies that have the role."
        )
        + " "
        + ONLY_US,
        "sources": [SRC_FINDMYPAST, SRC_PRODUCTPLAN],
    },
    {
        "slug": "group-pm",
        "name": "Group Product Manager",
        "family": "leadership",
        "seniority": 3,
        "aliases": [
            "GPM",
            "Lead PM (people manager)",
            "Lead Product Manager (people manager)",
            "Product Manager Lead",
        ],
        "summary": "The first management step in product: you lead a small group of product managers, set the strategy for a product group and connect their areas, sometimes keeping a piece of product work yourself.",
        "responsibilities": [
            "Manage and coach a small team of product managers",
            "Set the strategy and roadmap for a product group",
            "Connect the group's areas and resolve overlaps",
            "Hire product managers",
        ],
        "typical_week": "One-to-ones with your product managers, a group roadmap review, a hiring interview, a cross-team planning session and an update for your director.",
        "scope": {
            "teams": "A product group of several teams",
            "reports": "product managers",
            "budget": "Roadmap authority for the group",
            "horizon": "One year",
        },
        "reports_to": "A director of product",
        "experience": "usually after senior product manager, with some mentoring or a first report behind you",
        "company_context": "Common in larger product organisations; in a startup the same job is often the head of product.",
        "leadership_style": "Mostly coaching: your product managers are capable but still growing, so you explain decisions, ask for their ideas and keep the final say on the group's direction.",
        "salary": _oews(IT_MANAGERS, proxy=True),
        "pay_note": NO_PM_OCCUPATION
        + " "
        + _position("group product managers sit in its upper half: they manage a team of product managers.")
        + " "
        + ONLY_US,
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_RESONANCE, SRC_SITUATIONAL],
    },
    {
        "slug": "head-of-product",
        "name": "Head of Product",
        "family": "leadership",
        "seniority": 3,
        "aliases": ["Head of Product Management", "First product leader", "Product Lead (in startups)"],
        "summary": "What the title means depends on company size. In a startup or scale-up it is usually the top product role: you lead a small team of product managers, own the company-level roadmap, report to the CEO and stay hands-on. In a large company the same title can name a director-level leader of one product line.",
        "responsibilities": [
            "Lead and mentor the product managers, often a small team",
            "Own the product strategy and the company-level roadmap",
            "Represent product to the CEO and the leadership team",
            "Build the first product practices: discovery, planning, metrics",
            "Stay hands-on where the team is thin",
        ],
        "typical_week": "One-to-ones with your product managers, a strategy session with the CEO, a customer call, a roadmap review with engineering and sales, and some hands-on product work where the team is thin.",
        "scope": {
            "teams": "The whole product of a startup or scale-up; in a large company, one product line",
            "reports": "product managers",
            "budget": "Influence on the product budget",
            "horizon": "One to two years",
        },
        "reports_to": "The CEO or founder in a startup; a VP or chief product officer in a large company",
        "experience": "former founders, senior product managers and group product managers often step into it",
        "company_context": "Startups and scale-ups use this title for their first product leader; in large enterprises it can sit at director level, so compare the scope, not the title.",
        "leadership_style": "Directing and coaching: a small team, often newer product managers, and a fast pace. You set clear priorities, mentor the newer product managers and clear the path for the experienced ones.",
        "salary": _oews(IT_MANAGERS, proxy=True),
        "pay_note": NO_PM_OCCUPATION
        + " "
        + _position(
            "heads of product sit anywhere from its middle to its top: in a small startup part of the pay is equity, in a scale-up the role is paid like a director."
        )
        + " "
        + ONLY_US,
        "sources": [SRC_ARTICLE, SRC_LAUNCHNOTES, SRC_RESONANCE, SRC_SITUATIONAL],
    },
    {
        "slug": "director-of-product",
        "name": "Director of Product",
        "family": "leadership",
        "seniority": 4,
        "aliases": [
            "Product Director",
            "Director of Product Management",
            "Head of Product (in large companies)",
            "Senior Director of Product (a larger domain: the same job, one grade up)",
        ],
        "summary": "You own product direction and results for a domain or several product lines and lead the product managers and group product managers who run them: a leader of leaders, with budget, annual planning and a say in pricing and positioning.",
        "responsibilities": [
            "Own the direction and results of a product domain",
            "Lead and develop group product managers and product managers",
            "Run annual planning and the budget for the domain",
            "Give input on pricing and positioning",
            "Know the market niche deeply",
        ],
        "typical_week": "A staff meeting with your group product managers, portfolio and budget reviews, a go-to-market session with sales, a quarterly business review, and coaching a new manager.",
        "scope": {
            "teams": "A domain or several product lines",
            "reports": "product managers and group product managers",
            "budget": "Budget and roadmap authority within the domain",
            "horizon": "Annual planning",
        },
        "reports_to": "A VP of product or the chief product officer",
        "experience": "including several years managing product managers",
        "company_context": "Most common in scale-ups and enterprises with several product lines; in regulated industries the domain often comes with compliance duties. Large companies add a senior director grade between director and VP: the job is the same, with a larger domain and more managers reporting in, so we describe it here rather than as a separate role.",
        "leadership_style": "Supporting and delegating: your reports include managers, so you agree goals and let them choose how, stepping in to coach new managers.",
        "salary": _oews(IT_MANAGERS, proxy=True),
        "pay_note": NO_PM_OCCUPATION
        + " "
        + _position("directors of product sit in its upper half or above its top.")
        + " "
        + ONLY_US,
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_RESONANCE, SRC_SITUATIONAL],
    },
    {
        "slug": "vp-product",
        "name": "VP Product",
        "family": "leadership",
        "seniority": 5,
        "aliases": ["Vice President of Product", "VP Product Management", "VP of Product"],
        "summary": "You run the product organisation across all product lines: directors report to you, you turn the company's strategy into the product portfolio and its operating rhythm (planning, reviews, hiring), and you decide where product investment goes. Where there is a chief product officer, you report to them; where there is none, the VP is the top product executive.",
        "responsibilities": [
            "Turn company strategy into a multi-year product portfolio",
            "Lead directors and scale the product organisation",
            "Run the planning and review cadence across product lines",
            "Allocate investment across the portfolio",
        ],
        "typical_week": "Portfolio and planning reviews, one-to-ones with directors, hiring senior leaders, cross-functional syncs with engineering and sales leadership, and an executive or board update.",
        "scope": {
            "teams": "All product lines",
            "reports": "directors, and through them the product organisation",
            "budget": "Portfolio investment allocation",
            "horizon": "Several years",
        },
        "reports_to": "The chief product officer, or the CEO where there is none",
        "experience": "GitLab asks for a long record of managing people, including directors",
        "company_context": "In companies without a chief product officer the VP is the executive; in large companies several VPs each run a group of product lines.",
        "leadership_style": "Delegating: you hand directors outcomes to own and spend your time on the organisation, the portfolio and the people who run it.",
        "salary": _oews(IT_MANAGERS, proxy=True),
        "pay_note": NO_PM_OCCUPATION
        + " "
        + _position(
            "VPs of product sit at or above its top: the survey publishes no wage above $239,200, and bonus and equity (not counted here) are a large part of executive pay."
        )
        + " "
        + ONLY_US,
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_LAUNCHNOTES, SRC_AIRFOCUS, SRC_SITUATIONAL],
    },
    {
        "slug": "cpo",
        "name": "Chief Product Officer",
        "family": "leadership",
        "seniority": 5,
        "aliases": [
            "CPO",
            "Chief Product and Technology Officer (when engineering reports in too)",
            "SVP Product (in large companies, often the top product executive)",
        ],
        "summary": "A member of the executive team who reports to the CEO and answers to the board for the product: you own the company's product vision and the decisions that shape it (how engineering effort, headcount and structure are allocated, pricing) and often lead design, research and data as well. The difference from a VP is the seat at the executive table and the company-wide numbers, not more product skill.",
        "responsibilities": [
            "Own the company's product vision and strategy in the executive team",
            "Decide with the CEO and CTO how product and engineering effort, headcount and structure are allocated",
            "Own the pricing process and company-level product numbers",
            "Be the voice of the product to the board, customers and the market",
        ],
        "typical_week": "Executive team meetings with the CEO and CTO, board preparation, a few strategic customer meetings, organisation design, and time with your VPs and directors.",
        "scope": {
            "teams": "The whole company's product, often design, research and data too",
            "reports": "VPs and directors of product, and often of design or data",
            "budget": "Company-level allocation of product and engineering effort",
            "horizon": "Company strategy, several years",
        },
        "reports_to": "The CEO, and the board through the executive team",
        "experience": "usually most of a career in product, with executive experience (Built In)",
        "company_context": "Scale-ups often create the role when product becomes a company-level bet; small startups give the same job the head or VP of product title.",
        "leadership_style": "Delegating: your reports run organisations of their own; you set the direction and the standards and hold them to outcomes.",
        "salary": _oews(IT_MANAGERS, proxy=True),
        "pay_note": NO_PM_OCCUPATION
        + " "
        + _position(
            "chief product officers sit above its top: the survey publishes no wage above $239,200, and bonus and equity (not counted here) are most of an executive's pay."
        )
        + " "
        + ONLY_US,
        "sources": [SRC_GITLAB_CPO, SRC_BUILTIN, SRC_RESONANCE_CPO, SRC_AIRFOCUS, SRC_SITUATIONAL],
    },
    {
        "slug": "program-manager",
        "name": "Program Manager",
        "family": "delivery",
        "seniority": 2,
        "aliases": [
            "Programme Manager",
            "Senior Program Manager",
            "Business Program Manager",
        ],
        "summary": "You coordinate a set of related projects so that together they deliver benefits that none would alone, and keep them aligned with the strategy: the switchboard that sees every connection, the dependencies, the risks and the sponsors.",
        "responsibilities": [
            "Run a programme of interdependent projects to its benefits",
            "Keep the programme schedule, dependencies and risk register",
            "Align project managers, teams and sponsors on one plan",
            "Report programme status and take decisions to the sponsors",
        ],
        "typical_week": "A programme sync with project leads, a dependency and risk review, a steering committee update, and chasing the one decision that blocks three teams.",
        "scope": {
            "teams": "Several projects and teams",
            "reports": "in a programme office, project managers may report to you",
            "budget": "Programme budget",
            "horizon": "The programme's life, often several years",
        },
        "reports_to": "A programme or portfolio director, or an executive sponsor",
        "experience": "usually after several projects of your own; PMI's PgMP certificate asks for years of both project and programme experience",
        "company_context": "Regulated industries and public bodies run many formal programmes with a programme office; in tech, program management is often technical (see technical program manager).",
        "leadership_style": "",
        "salary": _oews(PROJECT_SPECIALISTS),
        "pay_note": "BLS counts program managers in this occupation with project managers. "
        + _position("program managers sit in its upper half, since a programme is larger than one project.")
        + " "
        + ONLY_US,
        "sources": [SRC_PMI_PROGRAM, SRC_PMI_PGMP],
    },
    {
        "slug": "technical-program-manager",
        "name": "Technical Program Manager",
        "family": "delivery",
        "seniority": 2,
        "aliases": [
            "TPM",
            "Engineering Program Manager",
            "Senior TPM (a larger programme, still without reports)",
        ],
        "summary": 'Program management in a tech company: you own how and when a technical programme lands across engineering teams (architecture dependencies, sequencing, launch readiness and risk) while product managers own what and why. Most "program manager" jobs in tech are this one.',
        "responsibilities": [
            "Plan and drive cross-team technical programmes such as platform migrations or launches",
            "Map technical dependencies and sequence the work with engineering leads",
            "Own launch readiness: risks, security and reliability reviews",
            "Keep engineering, product and leadership aligned on status and trade-offs",
        ],
        "typical_week": "Technical design reviews, a cross-team dependency sync, a launch-readiness or risk review, status for engineering leadership, and unblocking one team that waits on another.",
        "scope": {
            "teams": "Several engineering teams",
            "reports": "",
            "budget": "Rarely",
            "horizon": "One programme, often one to two quarters at a time",
        },
        "reports_to": "An engineering director or a head of technical program management",
        "experience": "often after engineering or program management",
        "company_context": "Found mostly in tech companies with many engineering teams; outside tech the same work is done by program or project managers.",
        "leadership_style": "",
        "salary": _oews(SOFTWARE_DEVELOPERS, proxy=True),
        "pay_note": "BLS has no technical program manager occupation. "
        + _position(
            "tech companies level technical program managers beside software engineers, so we show software developers' range as a proxy."
        )
        + " "
        + ONLY_US,
        "sources": [SRC_TPM, SRC_TPM_2],
    },
    {
        "slug": "director-of-program-management",
        "name": "Director of Program Management",
        "family": "delivery",
        "seniority": 4,
        "aliases": [
            "Head of PMO",
            "Head of Program Management",
            "Director of Technical Program Management",
            "Portfolio Manager (a set of programmes, in PMI's sense)",
            "Head of Delivery",
        ],
        "summary": "The leadership rung of the delivery track: you lead the program and technical program managers, decide which programmes the organisation runs and in what order, and own how it plans, tracks and reports delivery across them. Senior program managers and TPMs who want to grow without moving into product land here.",
        "responsibilities": [
            "Lead, hire and develop program and technical program managers",
            "Run the portfolio: which programmes start, pause or stop, and in what order",
            "Own the delivery operating rhythm: planning cycles, status, risk and dependency reviews",
            "Report delivery and risk to the executive team and the sponsors",
        ],
        "typical_week": "A portfolio review with sponsors, one-to-ones with your program managers, a quarterly planning session with engineering and product leaders, an escalated cross-programme risk, and a hiring interview.",
        "scope": {
            "teams": "Every programme of a department or company",
            "reports": "program and technical program managers, some leading others",
            "budget": "The portfolio's budget and staffing across programmes",
            "horizon": "The annual plan and the programmes that span it",
        },
        "reports_to": "A VP of engineering, a chief operating officer or a chief technology officer",
        "experience": "usually after senior program or technical program management, with people you managed",
        "company_context": "Tech companies call it director of technical program management and sit it in engineering; regulated industries and public bodies call it head of the PMO or portfolio director and tie it to governance and funding decisions.",
        "leadership_style": "Leading leaders: your program managers run their programmes; you set the standards, make the trade-offs between programmes and coach the managers among them.",
        "salary": _oews(IT_MANAGERS, proxy=True),
        "pay_note": "BLS has no program management leadership occupation; computer and information systems managers are the nearest for tech companies. "
        + _position("directors of program management sit in its upper half.")
        + " "
        + ONLY_US,
        "sources": [SRC_PMI_PROGRAM, SRC_PMI_PGMP, SRC_TPM],
    },
    {
        "slug": "project-manager",
        "name": "Project Manager",
        "family": "delivery",
        "seniority": 1,
        "aliases": ["Project Lead", "IT Project Manager", "Project Coordinator (the rung before)"],
        "summary": "You plan and run one project from start to close: scope, schedule, budget, people and risks, so that it lands on time and on budget. You own how and when, not what the product should be.",
        "responsibilities": [
            "Plan the project: scope, schedule, budget and staffing",
            "Track progress and control changes to scope",
            "Manage risks and issues before they become delays",
            "Report status to sponsors and close the project",
        ],
        "typical_week": "Status meetings, updating the plan and the critical path, a risk review, a change request to assess, and a report to the sponsor.",
        "scope": {
            "teams": "One project team",
            "reports": "",
            "budget": "The project budget",
            "horizon": "The project's end date",
        },
        "reports_to": "A programme manager, a project office or the project's sponsor",
        "experience": "often after a project coordinator role; PMI's PMP asks for years spent leading projects",
        "company_context": "Every industry has project managers; regulated and public organisations often ask for PMP or PRINCE2, while tech companies lean on agile delivery roles.",
        "leadership_style": "",
        "salary": _oews(PROJECT_SPECIALISTS),
        "pay_note": ONLY_US,
        "sources": [
            SRC_PMI_PMP,
            BLS_SOURCE + ", Project Management Specialists: " + OEWS_URL.format(code="131082"),
        ],
    },
    {
        "slug": "software-engineer",
        "name": "Software Engineer",
        "family": "origin",
        "seniority": 1,
        "aliases": ["Developer", "Software Developer"],
        "summary": "You build software and know how products are made from the inside; a common route into product management and technical program management.",
        "responsibilities": ["Design, build and run software", "Review code and estimate work"],
        "typical_week": "",
        "scope": {"teams": "One team", "reports": "", "budget": "", "horizon": ""},
        "reports_to": "An engineering manager",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": _oews(SOFTWARE_DEVELOPERS),
        "pay_note": "",
        "sources": [SRC_EXPONENT],
    },
    {
        "slug": "ux-designer",
        "name": "UX Designer",
        "family": "origin",
        "seniority": 1,
        "aliases": ["Product Designer", "UX Researcher"],
        "summary": "You design experiences from research to prototype and know users well; a common route into product management.",
        "responsibilities": ["Research users' needs", "Design flows and prototypes and test them"],
        "typical_week": "",
        "scope": {"teams": "One or two teams", "reports": "", "budget": "", "horizon": ""},
        "reports_to": "A design lead",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": None,
        "pay_note": "BLS has no occupation that matches this role closely, so we show no figure.",
        "sources": [SRC_GITLAB_PM],
    },
    {
        "slug": "business-analyst",
        "name": "Business Analyst",
        "family": "origin",
        "seniority": 1,
        "aliases": ["Requirements Analyst", "Systems Analyst"],
        "summary": "You define business needs and recommend solutions, translating between the business and the builders; many move into product as product owners or into project management.",
        "responsibilities": ["Elicit and document requirements", "Recommend solutions to business problems"],
        "typical_week": "",
        "scope": {"teams": "One or more projects", "reports": "", "budget": "", "horizon": ""},
        "reports_to": "A business analysis lead or a project manager",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": _bls(
            101190,
            "Management Analysts (closest occupation), median annual wage",
            "business-and-financial/management-analysts.htm",
        ),
        "pay_note": "",
        "sources": [SRC_BABOK],
    },
    {
        "slug": "data-analyst",
        "name": "Data Analyst",
        "family": "origin",
        "seniority": 1,
        "aliases": ["Product Analyst", "BI Analyst"],
        "summary": "You turn data into answers for the business; strong metrics skills are a head start in product work.",
        "responsibilities": ["Analyse product and business data", "Build dashboards and reports"],
        "typical_week": "",
        "scope": {"teams": "Several teams", "reports": "", "budget": "", "horizon": ""},
        "reports_to": "An analytics lead",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": _bls(
            112590,
            "Data Scientists (closest occupation; BLS has no separate data analyst profile), median annual wage",
            "math/data-scientists.htm",
        ),
        "pay_note": "",
        "sources": [SRC_MEHTA],
    },
    {
        "slug": "consultant",
        "name": "Consultant",
        "family": "origin",
        "seniority": 2,
        "aliases": ["Management Consultant", "Strategy Consultant"],
        "summary": "You solve business problems for clients: structured analysis, strong communication and executive contact, but rarely ownership of a product over years. Product management and program management are common next steps.",
        "responsibilities": [
            "Analyse a client's problem and recommend a solution",
            "Present to client executives",
        ],
        "typical_week": "",
        "scope": {"teams": "Client project teams", "reports": "", "budget": "", "horizon": ""},
        "reports_to": "An engagement manager or partner",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": _bls(
            101190,
            "Management Analysts, median annual wage",
            "business-and-financial/management-analysts.htm",
        ),
        "pay_note": "",
        "sources": [SRC_PRODUCTPLAN],
    },
    {
        "slug": "founder",
        "name": "Founder or startup operator",
        "family": "origin",
        "seniority": 3,
        "aliases": ["Co-founder", "Startup CEO", "Entrepreneur"],
        "summary": "You have built a company or a product from nothing: broad, hands-on experience of customers, product and money, usually without a formal product process. Heads of product and product managers often come from here.",
        "responsibilities": ["Find a market and build a product for it", "Raise money, hire and sell"],
        "typical_week": "",
        "scope": {"teams": "The whole (small) company", "reports": "", "budget": "", "horizon": ""},
        "reports_to": "A board or investors",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": None,
        "pay_note": "Founders' pay has no comparable survey figure.",
        "sources": [SRC_LAUNCHNOTES],
    },
    {
        "slug": "engineering-manager",
        "name": "Engineering Manager",
        "family": "origin",
        "seniority": 3,
        "aliases": ["Software Engineering Manager", "Team Lead (engineering)", "Development Manager"],
        "summary": "You lead a team of engineers: hiring, growing and managing them, and owning how the team delivers. Product management, technical program management and product leadership are common next steps, because you already manage people and know how software ships.",
        "responsibilities": [
            "Hire, coach and manage engineers",
            "Own the team's delivery and technical health",
        ],
        "typical_week": "",
        "scope": {
            "teams": "One or two engineering teams",
            "reports": "engineers",
            "budget": "",
            "horizon": "",
        },
        "reports_to": "A director of engineering",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": None,
        "pay_note": "A starting point: see the role you are aiming for.",
        "sources": [SRC_EXPONENT],
    },
    {
        "slug": "scrum-master",
        "name": "Scrum Master or agile delivery lead",
        "family": "origin",
        "seniority": 1,
        "aliases": [
            "Scrum Master",
            "Agile Delivery Lead",
            "Delivery Manager (agile teams and UK public sector)",
            "Agile Coach (team level)",
        ],
        "summary": "You help a team work in Scrum or another agile way: you remove blockers, run the events and coach the team and the product owner. Product owner, project manager and program roles are common next steps.",
        "responsibilities": [
            "Run the team's agile events and remove blockers",
            "Coach the team and the product owner",
        ],
        "typical_week": "",
        "scope": {"teams": "One to three teams", "reports": "", "budget": "", "horizon": ""},
        "reports_to": "A delivery lead or an engineering manager",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": None,
        "pay_note": "A starting point: see the role you are aiming for.",
        "sources": [SRC_SCRUM],
    },
    {
        "slug": "product-marketing-manager",
        "name": "Product Marketing Manager",
        "family": "origin",
        "seniority": 2,
        "aliases": ["PMM", "Product Marketer", "Go-to-market Manager"],
        "summary": "You take products to market: positioning, messaging, launches and what sales needs to win. You know customers and the market well; product management is the common next step.",
        "responsibilities": ["Position products and write their messaging", "Plan launches and enable sales"],
        "typical_week": "",
        "scope": {"teams": "One or more product areas", "reports": "", "budget": "", "horizon": ""},
        "reports_to": "A head of product marketing",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": None,
        "pay_note": "A starting point: see the role you are aiming for.",
        "sources": [SRC_PRODUCTPLAN],
    },
    {
        "slug": "student",
        "name": "Student or career changer",
        "family": "origin",
        "seniority": 0,
        "aliases": ["Graduate", "Career switcher"],
        "summary": "You are new to product work, from studies or another career; associate product manager programmes and junior project roles are built for you.",
        "responsibilities": ["Learn the basics of product work", "Build a portfolio of small projects"],
        "typical_week": "",
        "scope": {"teams": "", "reports": "", "budget": "", "horizon": ""},
        "reports_to": "",
        "experience": "",
        "company_context": "",
        "leadership_style": "",
        "salary": None,
        "pay_note": "A starting point with no pay of its own to compare.",
        "sources": [SRC_GOOGLE_APM],
    },
]


def roles():
    result = []
    for role in ROLES:
        recommendable = role["family"] != "origin"
        result.append(
            {
                **role,
                **JOB_SEARCH.get(role["slug"], {}),
                "recommendable": recommendable,
                "active": True,
                "profile": _profile(role["slug"]),
            }
        )
    return result
