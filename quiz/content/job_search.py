"""The last hop of every plan: how to get hired into each recommendable role.

For each target role: the titles to search by company size (the same job carries different
titles), the evidence to gather for a CV or case study, referrals and internal moves, the
interview loop with how to prepare for each interview, and levelling and negotiation.
Written as a career coach would put it to a job seeker, after the interview formats public
ladders and hiring guides describe (GitLab's job families list the interviews of each
product level; Exponent and the APM programmes describe product-sense and execution
interviews; PMI's certificates are what delivery employers screen for).

Each field is a list of lines; interviews are "Interview: how to prepare".
"""

# Said for every role of a family, after the role's own lines.
REFERRALS = [
    "Ask for referrals, not jobs: a referred application is read by a person. Tell two or three former colleagues exactly which role and which companies you want.",
    "Move internally first where you can: your current company already trusts your record, and an internal move skips most of the screening.",
]
OFFER_IC = [
    "Ask which level the offer is at and what the next level asks for; the same title spans two or three levels between companies, and the level decides the pay band.",
    "Negotiate the level before the number, and the whole package (base, bonus, equity, start date) rather than base alone; a competing offer or a clear record at the next level is what moves it.",
]
OFFER_LEADER = [
    "Ask how many people and which decisions the role owns, whom it reports to and how the company levels it against engineering leaders: title and level vary most at this altitude.",
    "Negotiate scope (team, budget, decision rights) and the package together; at leadership level equity and the first year's goals matter as much as base pay.",
]
OFFER_DELIVERY = [
    "Ask which level and pay band the offer is at and whether the company levels the role beside engineers (tech) or in a project office (elsewhere); the same title differs most here.",
    "Negotiate the level first, then the package; certificates (PMP, PgMP) and a delivered programme you can quantify are the strongest arguments.",
]

PRODUCT_SENSE = "Product sense: design or improve a product for a user you name. Practise out loud against a timer: users, their problem, two or three solutions, a choice with its trade-off and the metric that would prove it."
EXECUTION = "Execution and metrics: a metric fell, or a launch needs a goal. Prepare a habit: clarify the metric, split it into its parts, list causes by likelihood, say what you would check first."
BEHAVIOURAL = "Behavioural: tell me about a time you disagreed, failed, or shipped under pressure. Prepare five stories with the situation, what you did and the result in numbers, and reuse them."


def _search(titles, evidence, interviews, offer, network=()):
    return {
        "search_titles": titles,
        "search_evidence": evidence,
        "search_network": [*network, *REFERRALS],
        "search_interviews": interviews,
        "search_offer": offer,
    }


JOB_SEARCH = {
    "associate-pm": _search(
        [
            "Large tech companies: Associate Product Manager, Rotational Product Manager (programmes open once a year)",
            "Scale-ups: Associate Product Manager, Junior Product Manager",
            "Startups: rarely hire associates; search Product Manager roles that say early career",
        ],
        [
            "A case study of something you built or changed: the problem, what you shipped, what the numbers said",
            "Evidence of working with engineers or designers: a project, an internship or a team you were part of",
            "One example of a decision you made from data",
        ],
        [
            PRODUCT_SENSE,
            EXECUTION,
            "Analytical or estimation questions: practise sizing a market and reading a simple chart aloud.",
            BEHAVIOURAL,
        ],
        OFFER_IC,
        ["Note each programme's application window a season ahead; many fill their places from one round."],
    ),
    "product-owner": _search(
        [
            "Enterprises and public sector: Product Owner, Technical Product Owner, Product Owner (SAFe)",
            "Scale-ups: Product Owner, Product Manager (where one person does both jobs)",
            "Agencies and consultancies: Product Owner on a client team",
        ],
        [
            "A backlog you ordered toward a goal and what it delivered",
            "A stakeholder request you turned down, and why",
            "A sprint review or refinement you ran, with the team's feedback",
        ],
        [
            "Backlog scenario: given a backlog and competing requests, order it aloud and explain each trade-off.",
            "Scrum knowledge: the accountabilities and events of the Scrum Guide; a certificate (PSPO, CSPO) helps pass the screen.",
            "Stakeholder role-play: saying no to a senior stakeholder; prepare one real example.",
            BEHAVIOURAL,
        ],
        OFFER_IC,
    ),
    "product-manager": _search(
        [
            "Startups: Product Manager, Product Lead (often the only product person)",
            "Scale-ups: Product Manager, Product Manager II, Technical Product Manager for platform teams",
            "Large companies: Product Manager, Digital Product Manager, Product Owner where product management sits above",
        ],
        [
            "One case study of a feature or product you owned from problem to result, with the metric it moved",
            "Customer evidence: interviews you ran and the decision they changed",
            "A prioritisation you made and what you said no to",
        ],
        [
            PRODUCT_SENSE,
            EXECUTION,
            "Strategy (some companies): where should this product go next year, and why; practise with a product you use.",
            BEHAVIOURAL,
        ],
        OFFER_IC,
    ),
    "senior-pm": _search(
        [
            "Startups: Senior Product Manager, Product Lead",
            "Scale-ups: Senior Product Manager, Product Manager III",
            "Large companies: Senior Product Manager; check the level, since some ladders put senior below lead and staff",
        ],
        [
            "An initiative across several teams that you led, with its business result",
            "An annual or quarterly plan you wrote and defended",
            "A product manager you mentored, and how they grew",
        ],
        [
            PRODUCT_SENSE,
            EXECUTION,
            "Product strategy: a written or live exercise on a market; prepare a one-page strategy of your current area with its trade-offs.",
            "Leadership and influence: how you aligned teams you did not manage; prepare two stories with the conflict and how it ended.",
        ],
        OFFER_IC,
    ),
    "principal-pm": _search(
        [
            "Large tech companies: Principal Product Manager, Staff Product Manager, Lead PM (individual contributor)",
            "Scale-ups: Principal or Staff Product Manager, sometimes Senior PM for a platform",
            "Startups: rarely a role of its own; search Head of Product or Senior PM",
        ],
        [
            "A company-level or platform problem you shaped across product lines, with the decision it led to",
            "Strategy documents you wrote that leadership adopted",
            "How you raised other product managers' practice: reviews, mentoring, a standard",
        ],
        [
            "Product strategy: a multi-year direction for a platform or market; prepare one from your own work with the evidence behind it.",
            PRODUCT_SENSE,
            "Leadership without authority: resolving a trade-off between teams no one team could settle; prepare two stories.",
            "Executive presentation: many loops end with a presentation to directors or a VP; rehearse a 20-minute version of your best case.",
        ],
        OFFER_IC,
    ),
    "group-pm": _search(
        [
            "Scale-ups and large companies: Group Product Manager, Lead Product Manager (people manager), Product Manager Lead",
            "Startups: Head of Product (the same job, reporting to the CEO)",
        ],
        [
            "Product managers you managed or mentored, and how they grew",
            "A hiring loop you ran or sat on",
            "A group roadmap you set across several teams, with its results",
        ],
        [
            "People leadership: coaching an underperformer, growing a strong PM, hiring; prepare a story for each.",
            "Product strategy for a group of areas: how the areas fit and what you would stop.",
            EXECUTION,
            PRODUCT_SENSE,
        ],
        OFFER_LEADER,
    ),
    "head-of-product": _search(
        [
            "Startups (seed to Series B): Head of Product, first product hire, Product Lead",
            "Scale-ups: Head of Product, sometimes Director of Product",
            "Large companies: the title can be a director-level role over one product line; compare the scope",
        ],
        [
            "Product practices you set up: discovery, planning, metrics",
            "The product managers you hired or would hire first, and why",
            "A product bet you led with the CEO and what happened",
        ],
        [
            "CEO conversation: where the product should go and what you would do in your first 90 days; prepare a written plan.",
            "Product strategy: a take-home or live case on the company's own product; research its users and competitors first.",
            "People leadership: hiring the first product managers and setting up how product work is done.",
            "Founder and team references: many startups call former colleagues; line up three who can speak to your leadership.",
        ],
        OFFER_LEADER,
        [
            "Investors and founders fill many first product roles through their networks: tell two or three of them what you are looking for."
        ],
    ),
    "director-of-product": _search(
        [
            "Scale-ups and large companies: Director of Product, Director of Product Management, Senior Director (a larger domain)",
            "Startups: Head of Product or VP Product (the same altitude, a smaller organisation)",
        ],
        [
            "Managers you led, and how you grew a product manager into a manager",
            "Annual planning and a budget you owned for a domain",
            "A domain strategy and its business result",
        ],
        [
            "Product strategy for a domain: a case on the company's market; prepare the portfolio view, not one feature.",
            "Leading leaders: coaching managers, reorganising teams, hiring senior people; prepare stories for each.",
            "Cross-functional executive partners: loops with engineering, design and sales leaders; ask what each cares about.",
            "Executive presentation: present a strategy or a past domain to a VP panel.",
        ],
        OFFER_LEADER,
    ),
    "vp-product": _search(
        [
            "Scale-ups: VP Product, VP of Product Management",
            "Large companies: VP Product for a group of product lines; Senior Director in some ladders",
            "Startups after Series B: VP Product as the top product executive",
        ],
        [
            "Directors you led and the organisation you built or scaled",
            "Portfolio investment decisions you made and their results",
            "Board or executive presentations you gave",
        ],
        [
            "CEO and executive team interviews: the product strategy for the company and how you would run the product organisation.",
            "Organisation design: how you would structure, hire and level the organisation; prepare your operating rhythm.",
            "Board-style presentation: your strategy for their product in 30 minutes.",
            "References: expect calls to former managers, peers and reports; prepare them.",
        ],
        OFFER_LEADER,
        [
            "Executive search firms fill many VP roles: make yourself known to two or three that place product leaders."
        ],
    ),
    "cpo": _search(
        [
            "Scale-ups and large companies: Chief Product Officer, SVP Product, Chief Product and Technology Officer",
            "Startups: VP Product or Head of Product often does the same job",
        ],
        [
            "A company-level product strategy you owned and its results",
            "An organisation you led through VPs or directors",
            "Your work with the board and the CEO on allocation and pricing",
        ],
        [
            "CEO and board interviews: the company's product strategy, and how product, engineering and go-to-market decide together.",
            "Executive peers: the CTO, CFO and sales leader each test a different part of the job; ask what each needs.",
            "References: expect back-channel calls; prepare the people who will speak for you.",
        ],
        OFFER_LEADER,
        [
            "Executive search firms and investors fill most chief product officer roles: keep in touch with them before you need to."
        ],
    ),
    "program-manager": _search(
        [
            "Regulated industries and public bodies: Programme Manager, Senior Programme Manager, Business Program Manager",
            "Consultancies: Program Manager or Engagement Manager on a client programme",
            "Tech companies: mostly Technical Program Manager (see that role)",
        ],
        [
            "A programme of several projects you ran, with the benefit it delivered",
            "A dependency or risk you caught early and what it saved",
            "Sponsors and steering committees you reported to",
        ],
        [
            "Programme scenario: a programme is late and a sponsor is unhappy; walk through what you check and decide first.",
            "Governance: benefits, stage gates, budget control; a PMP (and later PgMP) is screened for in many regulated employers.",
            BEHAVIOURAL,
        ],
        OFFER_DELIVERY,
    ),
    "technical-program-manager": _search(
        [
            "Tech companies: Technical Program Manager, Engineering Program Manager, Senior TPM",
            "Outside tech: Program Manager (IT), Technical Project Manager",
        ],
        [
            "A cross-team technical programme you ran (a migration, a launch), with dates and outcomes",
            "The architecture and dependencies you mapped, and the risk you retired",
            "A launch-readiness or incident review you led",
        ],
        [
            "System design: design a service at a high level and say where it could fail; practise two or three classic designs aloud.",
            "Program execution: a programme across teams slips; walk through the plan, the dependencies and the trade-offs you would put to leaders.",
            "Technical depth: questions about systems you ran; prepare to draw your own system's architecture.",
            "Leadership and influence: aligning engineering leads you do not manage; prepare two stories.",
        ],
        OFFER_DELIVERY,
    ),
    "director-of-program-management": _search(
        [
            "Tech companies: Director of Technical Program Management, Head of TPM",
            "Regulated industries and public bodies: Head of PMO, Portfolio Director, Head of Delivery",
        ],
        [
            "Program managers you led and how you grew them",
            "A portfolio you ran: what you started, paused or stopped, and why",
            "A delivery standard or planning cycle you set for an organisation",
        ],
        [
            "Portfolio case: too many programmes for the people available; decide what runs and defend it.",
            "Leading leaders: hiring and coaching program managers, some managing others.",
            "Executive partners: interviews with engineering, operations or finance leaders about how delivery is reported and governed.",
        ],
        OFFER_LEADER,
    ),
    "project-manager": _search(
        [
            "Every industry: Project Manager, IT Project Manager, Project Lead",
            "The rung before: Project Coordinator, Project Officer, PMO Analyst",
            "Agile teams: Delivery Manager or Scrum Master (a different job; read the description)",
        ],
        [
            "A project you ran end to end: scope, schedule, budget, risks and the outcome against the plan",
            "A change request or risk you handled, in numbers",
            "A certificate: CAPM or PRINCE2 Foundation early, PMP once you have led projects long enough",
        ],
        [
            "Project scenario: a project is behind schedule and over budget; say what you check first and what you put to the sponsor.",
            "Methods: waterfall and agile planning, the critical path, a risk register; expect to explain the ones on your CV.",
            BEHAVIOURAL,
        ],
        OFFER_DELIVERY,
    ),
}
