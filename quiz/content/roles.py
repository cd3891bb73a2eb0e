"""Default roles with their expected profiles, in our own words after ROLES-REFERENCE.md.

Levels 0–4: 0 not expected · 1 basics, needs guidance · 2 independent on own scope ·
3 advanced, coaches others, works across teams · 4 expert, sets the standard.
Skill levels follow the reference matrix (judgement calls, J); preference levels are ours.
Importance: 3 for a role's defining competencies, 2 for other expected levels of 2 or
more, 1 otherwise. Salaries are only given with a dated source.
"""

# Column order of the profile rows below.
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
    "enterprise-setting",
    "product-direction",
]
PREFERENCE_IMPORTANCE = {
    "scope-breadth": 3,
    "people-management": 3,
    "strategic-focus": 2,
    "enterprise-setting": 2,
    "product-direction": 3,
}

SRC_SCRUM = "Scrum Guide 2020 (Schwaber, Sutherland): https://scrumguides.org/docs/scrumguide/v2020/2020-Scrum-Guide-US.pdf"
SRC_SAFE = (
    "SAFe Product Owner and Product Management roles: https://www.scrumscious.com/frameworks/safe/roles/po"
)
SRC_ARTICLE = 'IT Vacancies, "Navigating the Difference Between Product Manager and Head of Product", 11 Jun 2024 (updated 28 Jan 2025)'
SRC_GITLAB = "GitLab job families, product management: https://handbook.gitlab.com/handbook/product/product-management/product-manager-role"
SRC_MEHTA = "Ravi Mehta, Product Competency Toolkit: https://www.ravi-mehta.com/toolkit"
SRC_PMI = "PMI Standard for Program Management, definitions of program and portfolio"
SRC_BLS_PM = "U.S. Bureau of Labor Statistics, Occupational Outlook Handbook: Project Management Specialists"
SRC_RESONANCE = "Resonance Search, GPM vs Director of Product vs Head of Product: https://www.resonancesearch.com/compare/group-product-manager-gpm-vs-director-of-product-vs-head-of-product-management"
SRC_LAUNCHNOTES = "LaunchNotes, Head of Product vs VP of Product: https://www.launchnotes.com/blog/head-of-product-vs-vice-president-of-product-vp-a-deep-dive-into-strategic-leadership-at-different-altitudes"
SRC_ICAGILE = "ICAgile, The Product Manager Career Path, 29 Mar 2024: https://www.icagile.com/resources/the-product-manager-career-path-how-to-break-into-the-field"
SRC_GOOGLE_APM = (
    "Google Associate Product Manager programme: https://buildyourfuture.withgoogle.com/programs/apm-program/"
)
SRC_FINDMYPAST = (
    "Findmypast career progression framework (product): github.com/findmypast/career-progression-framework"
)
SRC_TPM = "TPM vs PM: https://arsenii.com/tpm-vs-product-manager.html"
SRC_BUILTIN = "Built In, Chief Product Officer: https://builtin.com/learn/careers/chief-product-officer-cpo"
SRC_COURSERA = "Coursera, Chief Product Officer career guide (US median total pay $403,000, undated; counts total pay, not base salary)"
SRC_EXPONENT = "Exponent, from software engineer to product manager: https://tryexponent.com/blog/transition-software-to-product"
SRC_BABOK = "IIBA BABOK v2, definition of business analysis"

BLS_URL = "https://www.bls.gov/ooh/"


def _salary(median, source, year, url="", low=None, high=None):
    return {
        "low": low,
        "median": median,
        "high": high,
        "currency": "USD",
        "source": source,
        "source_url": url,
        "year": year,
    }


# slug: (skill levels in SKILL_COLUMNS order, preference levels in PREFERENCE_COLUMNS order,
#        the role's defining competencies)
# fmt: off
PROFILES = {
    #                       cu st de ba co da te bi le cr pl dm ri ux up    br pe sf en di
    "associate-pm":        ([1, 1, 2, 2, 1, 2, 2, 1, 0, 0, 1, 1, 0, 1, 0], [0, 0, 0, 2, 3],
                            ["delivery-execution", "data-metrics", "technical-fluency", "backlog-management"]),
    "product-owner":       ([2, 1, 3, 4, 3, 2, 2, 1, 0, 1, 1, 3, 1, 1, 1], [1, 0, 1, 3, 2],
                            ["backlog-management", "delivery-execution", "decision-making", "stakeholder-communication"]),
    "product-manager":     ([3, 2, 3, 2, 3, 3, 2, 2, 0, 2, 1, 3, 1, 2, 1], [1, 0, 2, 2, 4],
                            ["customer-insight", "data-metrics", "delivery-execution", "decision-making"]),
    "senior-pm":           ([3, 3, 3, 2, 3, 3, 2, 3, 1, 2, 1, 3, 2, 2, 2], [2, 1, 2, 2, 4],
                            ["product-strategy", "business-acumen", "data-metrics", "stakeholder-communication"]),
    "group-pm":            ([3, 3, 3, 1, 3, 3, 2, 3, 3, 3, 1, 3, 2, 2, 2], [3, 3, 3, 2, 4],
                            ["people-leadership", "product-strategy", "cross-team-coordination"]),
    "program-manager":     ([1, 2, 3, 1, 3, 2, 2, 2, 1, 4, 3, 3, 3, 0, 2], [3, 1, 2, 3, 1],
                            ["cross-team-coordination", "planning-control", "compliance-risk", "stakeholder-communication"]),
    "project-manager":     ([1, 1, 3, 2, 3, 1, 1, 1, 1, 2, 4, 2, 3, 0, 1], [1, 1, 1, 3, 0],
                            ["planning-control", "delivery-execution", "stakeholder-communication", "compliance-risk"]),
    "head-of-product":     ([3, 3, 2, 1, 4, 3, 2, 3, 4, 2, 1, 3, 2, 2, 3], [4, 3, 2, 0, 4],
                            ["people-leadership", "stakeholder-communication", "product-strategy", "managing-up"]),
    "director-of-product": ([3, 3, 2, 1, 4, 3, 2, 3, 3, 3, 2, 3, 3, 2, 3], [3, 4, 3, 3, 4],
                            ["product-strategy", "stakeholder-communication", "people-leadership", "cross-team-coordination"]),
    "vp-product":          ([3, 4, 2, 0, 4, 3, 2, 4, 4, 3, 2, 4, 3, 1, 4], [4, 4, 3, 2, 4],
                            ["product-strategy", "business-acumen", "people-leadership", "managing-up"]),
    "cpo":                 ([3, 4, 1, 0, 4, 3, 2, 4, 4, 2, 2, 4, 3, 1, 4], [4, 4, 4, 2, 4],
                            ["product-strategy", "business-acumen", "managing-up", "decision-making"]),
    # Origin roles: where people start; their profiles describe what they bring.
    "software-engineer":   ([1, 0, 2, 1, 1, 1, 4, 0, 0, 1, 1, 1, 1, 1, 0], [0, 0, 0, 2, 1], ["technical-fluency"]),
    "ux-designer":         ([3, 1, 2, 1, 2, 1, 1, 0, 0, 1, 1, 1, 0, 4, 0], [1, 0, 1, 1, 3], ["ux-design", "customer-insight"]),
    "business-analyst":    ([2, 1, 2, 2, 3, 2, 2, 2, 0, 1, 2, 1, 2, 1, 1], [1, 0, 1, 3, 2], ["stakeholder-communication"]),
    "data-analyst":        ([1, 1, 1, 0, 2, 4, 2, 1, 0, 0, 1, 1, 1, 0, 1], [1, 0, 1, 2, 2], ["data-metrics"]),
    "student":             ([0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 1, 2], []),
}
# fmt: on


def _profile(slug):
    skills, preferences, top = PROFILES[slug]
    profile = {}
    for comp, level in zip(SKILL_COLUMNS, skills, strict=True):
        importance = 3 if comp in top else (2 if level >= 2 else 1)
        profile[comp] = {"level": level, "importance": importance}
    for comp, level in zip(PREFERENCE_COLUMNS, preferences, strict=True):
        profile[comp] = {"level": level, "importance": PREFERENCE_IMPORTANCE[comp]}
    return profile


ROLES = [
    {
        "slug": "associate-pm",
        "name": "Associate Product Manager",
        "family": "product",
        "seniority": 0,
        "summary": "The entry point into product management: you own small features from problem to launch while a senior product manager guides you, often inside a structured programme of 18 to 24 months.",
        "responsibilities": [
            "Own a small feature end to end: problem, specification, launch and follow-up",
            "Write user stories and acceptance criteria with the team",
            "Pull and read the data on how your feature is used",
            "Learn the craft from a senior PM through reviews and feedback",
        ],
        "typical_week": "Stand-ups and refinement with one team, a few user conversations, writing and reviewing specs, a weekly check-in with your mentor, and a first look at the numbers after each release.",
        "scope": {
            "teams": "One feature inside one team",
            "reports": "None",
            "budget": "None",
            "horizon": "A sprint to one quarter",
        },
        "salary": None,
        "sources": [
            SRC_GOOGLE_APM,
            SRC_ICAGILE,
            "IdeaPlan, Associate Product Manager glossary: https://www.ideaplan.io/glossary/associate-product-manager",
        ],
    },
    {
        "slug": "product-owner",
        "name": "Product Owner",
        "family": "product",
        "seniority": 1,
        "summary": "Accountable for the value one Scrum team delivers: you set the product goal, write and order the backlog, and make sure each increment is worth building. One person, not a committee.",
        "responsibilities": [
            "Set and communicate the product goal for the team",
            "Write backlog items and order them by value",
            "Keep the backlog transparent and ready two sprints ahead",
            "Accept or reject increments against their acceptance criteria",
            "Make quick calls when stakeholders want different things",
        ],
        "typical_week": "Sprint planning, daily questions from developers, one or two refinement sessions, stakeholder requests to weigh and order, and a sprint review where you show what the increment is worth.",
        "scope": {
            "teams": "One product, one Scrum team (about ten people or fewer)",
            "reports": "None",
            "budget": "No P&L",
            "horizon": "Sprint to product goal",
        },
        "salary": None,
        "sources": [SRC_SCRUM, SRC_SAFE, SRC_ARTICLE],
    },
    {
        "slug": "product-manager",
        "name": "Product Manager",
        "family": "product",
        "seniority": 1,
        "summary": "Accountable for one product's success: you understand the customers, decide what to build and why, and make sure it works for the business. You own the what and the why; engineering owns the how.",
        "responsibilities": [
            "Understand customers and their problems through research and data",
            "Decide what to build and why, and say no to the rest",
            "Keep a roadmap of 90 to 180 days tied to a one-year direction",
            "Define success metrics and report on outcomes, not output",
            "Work with engineering, design, marketing and sales to launch",
        ],
        "typical_week": "Customer interviews and usage data, a discovery session with design and engineering, refinement, a roadmap conversation with stakeholders, and a look at last release's metrics.",
        "scope": {
            "teams": "One product area, one or two teams",
            "reports": "Usually none",
            "budget": "P&L only in some companies",
            "horizon": "90–180 day roadmap, one-year direction",
        },
        "salary": None,
        "sources": [SRC_ARTICLE, SRC_GITLAB, SRC_TPM, SRC_ICAGILE],
    },
    {
        "slug": "senior-pm",
        "name": "Senior Product Manager",
        "family": "product",
        "seniority": 2,
        "summary": "A product manager trusted with a larger, higher-stakes area and little guidance: you write the annual plan, lead initiatives across several teams and coach other PMs, still as an individual contributor.",
        "responsibilities": [
            "Own a complex area or an initiative that spans several teams",
            "Write annual and quarterly plans tied to business goals",
            "Present to executives and defend trade-offs",
            "Coach less experienced product managers",
        ],
        "typical_week": "Time with two or three teams, an initiative review with other PMs, a business case or pricing question with finance, an executive update, and a mentoring session.",
        "scope": {
            "teams": "Several teams or one complex initiative",
            "reports": "None formally; coaches other PMs",
            "budget": "Business cases for the area",
            "horizon": "Annual (12-month roadmap)",
        },
        "salary": None,
        "sources": [SRC_GITLAB, SRC_FINDMYPAST],
    },
    {
        "slug": "group-pm",
        "name": "Group Product Manager",
        "family": "leadership",
        "seniority": 3,
        "summary": "The first management step in product: you lead a small group of product managers, set the strategy for a product group and connect their areas, sometimes keeping a piece of product work yourself.",
        "responsibilities": [
            "Manage and coach two to five product managers",
            "Set the strategy and roadmap for a product group",
            "Connect the group's areas and resolve overlaps",
            "Hire product managers",
        ],
        "typical_week": "One-to-ones with your PMs, a group roadmap review, a hiring interview, a cross-team planning session and an update for your director.",
        "scope": {
            "teams": "A product group of several teams",
            "reports": "2–5 product managers",
            "budget": "Roadmap authority for the group",
            "horizon": "One year",
        },
        "salary": None,
        "sources": [SRC_GITLAB, SRC_RESONANCE],
    },
    {
        "slug": "program-manager",
        "name": "Program Manager",
        "family": "delivery",
        "seniority": 2,
        "summary": "You coordinate a set of related projects so that together they deliver what none would alone, and keep them aligned with the strategy: the switchboard that sees every connection, the dependencies and the risks.",
        "responsibilities": [
            "Run a programme of interdependent projects to its benefits",
            "Keep the programme schedule, dependencies and risk register",
            "Align project managers, teams and sponsors on one plan",
            "Report programme status and escalate decisions to sponsors",
        ],
        "typical_week": "A programme sync with project leads, a dependency and risk review, a steering committee update, and chasing the one decision that blocks three teams.",
        "scope": {
            "teams": "Several projects and teams",
            "reports": "Usually no line reports",
            "budget": "Programme budget",
            "horizon": "The programme's life, often several years",
        },
        "salary": None,
        "sources": [
            SRC_PMI,
            SRC_ARTICLE,
            SRC_TPM,
            "PMI PgMP eligibility: 48 months of project and 48 months of programme experience with a four-year degree",
        ],
    },
    {
        "slug": "project-manager",
        "name": "Project Manager",
        "family": "delivery",
        "seniority": 1,
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
            "reports": "None formally",
            "budget": "The project budget",
            "horizon": "The project's end date",
        },
        "salary": _salary(
            100750,
            f"{SRC_BLS_PM}, median annual wage",
            2024,
            BLS_URL + "business-and-financial/project-management-specialists.htm",
        ),
        "sources": [
            SRC_BLS_PM,
            "PMI PMP eligibility: 36 months leading projects and 35 hours of training with a four-year degree",
        ],
    },
    {
        "slug": "head-of-product",
        "name": "Head of Product",
        "family": "leadership",
        "seniority": 3,
        "summary": "The leader of the product team, typical of a startup or scale-up: you mentor newer product managers, clear the path for experienced ones and own the product strategy, often while staying hands-on.",
        "responsibilities": [
            "Lead and mentor the product management team",
            "Own the product strategy and the company-level roadmap",
            "Represent product to the CEO and the leadership team",
            "Build product practices: discovery, planning, metrics",
            "Stay hands-on where the company is small",
        ],
        "typical_week": "One-to-ones with your PMs, a strategy session with the CEO, a customer call, a roadmap review with engineering and sales, and some hands-on product work where the team is thin.",
        "scope": {
            "teams": "The whole product, often a startup or scale-up",
            "reports": "1–5 product managers",
            "budget": "Influence on the product budget",
            "horizon": "One to two years",
        },
        "salary": _salary(131000, f"{SRC_ARTICLE}, average salary", 2024),
        "sources": [SRC_ARTICLE, SRC_LAUNCHNOTES, SRC_RESONANCE],
    },
    {
        "slug": "director-of-product",
        "name": "Director of Product",
        "family": "leadership",
        "seniority": 4,
        "summary": "You own product direction and results for a domain or several product lines and develop the PMs and group PMs who run them, with budget, annual planning and a say in pricing and positioning.",
        "responsibilities": [
            "Own the direction and results of a product domain",
            "Develop product managers and group product managers",
            "Run annual planning and the budget for the domain",
            "Give input on pricing and positioning",
            "Know the market niche deeply",
        ],
        "typical_week": "Staff meeting with your GPMs, portfolio and budget reviews, a go-to-market session with sales, a quarterly business review, and coaching a new manager.",
        "scope": {
            "teams": "A domain or several product lines",
            "reports": "4–6 PMs and group PMs",
            "budget": "Budget and roadmap authority within the domain",
            "horizon": "Annual planning",
        },
        "salary": None,
        "sources": [SRC_GITLAB, SRC_RESONANCE, SRC_ARTICLE],
    },
    {
        "slug": "vp-product",
        "name": "VP Product",
        "family": "leadership",
        "seniority": 5,
        "summary": "You set a multi-year strategy across all product lines and scale the product organisation: directors report to you, and you decide where product investment goes.",
        "responsibilities": [
            "Set the multi-year product strategy across product lines",
            "Lead directors and scale the product organisation",
            "Allocate investment across the portfolio",
            "Represent product in executive and board reviews",
        ],
        "typical_week": "Executive meetings, portfolio investment reviews, one-to-ones with directors, hiring senior leaders, and preparing a board review.",
        "scope": {
            "teams": "All product lines",
            "reports": "4–6 directors; 30+ PMs in the organisation",
            "budget": "Portfolio investment allocation",
            "horizon": "Several years",
        },
        "salary": None,
        "sources": [SRC_GITLAB, SRC_LAUNCHNOTES],
    },
    {
        "slug": "cpo",
        "name": "Chief Product Officer",
        "family": "leadership",
        "seniority": 5,
        "summary": "The executive owner of the product vision and the product organisation, reporting to the CEO: you decide how engineering effort, headcount and structure are allocated, and you are the voice of the product to the board and the market.",
        "responsibilities": [
            "Own the company's product vision and strategy",
            "Decide how product and engineering effort, headcount and structure are allocated",
            "Own the pricing process with the leadership team",
            "Be the voice of the product to the board, customers and the market",
        ],
        "typical_week": "Leadership team meetings with the CEO and CTO, board preparation, a few strategic customer meetings, organisation design, and time with the VPs and directors.",
        "scope": {
            "teams": "The whole company",
            "reports": "Product leaders up to VP",
            "budget": "Company-level allocation of product and engineering effort",
            "horizon": "Company strategy, several years",
        },
        "salary": _salary(
            145000,
            f"{SRC_ARTICLE}, average salary (Coursera reports a far higher median total pay: definitions differ)",
            2024,
        ),
        "sources": [SRC_GITLAB, SRC_BUILTIN, SRC_ARTICLE, SRC_COURSERA],
    },
    {
        "slug": "software-engineer",
        "name": "Software Engineer",
        "family": "origin",
        "seniority": 1,
        "summary": "You build software and know how products are made from the inside; a common route into product management.",
        "responsibilities": ["Design, build and run software", "Review code and estimate work"],
        "typical_week": "",
        "scope": {"teams": "One team", "reports": "", "budget": "", "horizon": ""},
        "salary": _salary(
            133080,
            "U.S. Bureau of Labor Statistics, Occupational Outlook Handbook: Software Developers, median annual wage",
            2024,
            BLS_URL + "computer-and-information-technology/software-developers.htm",
        ),
        "sources": [SRC_EXPONENT],
    },
    {
        "slug": "ux-designer",
        "name": "UX Designer",
        "family": "origin",
        "seniority": 1,
        "summary": "You design experiences from research to prototype and know users well; a common route into product management.",
        "responsibilities": ["Research users' needs", "Design flows and prototypes and test them"],
        "typical_week": "",
        "scope": {"teams": "One or two teams", "reports": "", "budget": "", "horizon": ""},
        "salary": None,
        "sources": [SRC_GITLAB],
    },
    {
        "slug": "business-analyst",
        "name": "Business Analyst",
        "family": "origin",
        "seniority": 1,
        "summary": "You define business needs and recommend solutions, translating between the business and the builders; many start in product as product owners.",
        "responsibilities": ["Elicit and document requirements", "Recommend solutions to business problems"],
        "typical_week": "",
        "scope": {"teams": "One or more projects", "reports": "", "budget": "", "horizon": ""},
        "salary": _salary(
            101190,
            "U.S. Bureau of Labor Statistics, Occupational Outlook Handbook: Management Analysts (closest occupation), median annual wage",
            2024,
            BLS_URL + "business-and-financial/management-analysts.htm",
        ),
        "sources": [SRC_BABOK],
    },
    {
        "slug": "data-analyst",
        "name": "Data Analyst",
        "family": "origin",
        "seniority": 1,
        "summary": "You turn data into answers for the business; strong metrics skills are a head start in product work.",
        "responsibilities": ["Analyse product and business data", "Build dashboards and reports"],
        "typical_week": "",
        "scope": {"teams": "Several teams", "reports": "", "budget": "", "horizon": ""},
        "salary": _salary(
            112590,
            "U.S. Bureau of Labor Statistics, Occupational Outlook Handbook: Data Scientists (closest occupation; no separate data analyst profile), median annual wage",
            2024,
            BLS_URL + "math/data-scientists.htm",
        ),
        "sources": [SRC_MEHTA],
    },
    {
        "slug": "student",
        "name": "Student or career changer",
        "family": "origin",
        "seniority": 0,
        "summary": "You are new to product work, from studies or another career; associate product manager programmes are built for you.",
        "responsibilities": ["Learn the basics of product work", "Build a portfolio of small projects"],
        "typical_week": "",
        "scope": {"teams": "", "reports": "", "budget": "", "horizon": ""},
        "salary": None,
        "sources": [SRC_GOOGLE_APM],
    },
]


def roles():
    result = []
    for role in ROLES:
        recommendable = role["family"] != "origin"
        result.append(
            {**role, "recommendable": recommendable, "active": True, "profile": _profile(role["slug"])}
        )
    return result
