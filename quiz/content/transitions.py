"""Default transitions between roles: typical months (judgement calls unless a source is
given) and 3–6 concrete steps each, in our own words after ROLES-REFERENCE.md."""


def step(title, detail, competency=None, resource_url=""):
    return {"title": title, "detail": detail, "competency": competency, "resource_url": resource_url}


TRANSITIONS = [
    {
        "from": "student",
        "to": "associate-pm",
        "months": 9,
        "summary": "Prepare for an associate product manager programme: learn the basics, show you can ship, and practise the interviews.",
        "sources": ["Google APM programme: https://buildyourfuture.withgoogle.com/programs/apm-program/"],
        "steps": [
            step(
                "Learn the foundations",
                "Take a course in one of business, design, marketing or data; product work draws on all four.",
                "business-acumen",
            ),
            step(
                "Ship a side product",
                "Build something small that real people use, even a no-code tool, and write a case study: the problem, what you built, what the numbers said.",
                "delivery-execution",
            ),
            step(
                "Talk to users",
                "Interview ten people about a problem you care about and write up what you learned.",
                "customer-insight",
            ),
            step(
                "Apply to APM programmes",
                "Target associate product manager programmes for new graduates; Google's is a two-year rotation.",
                None,
                "https://buildyourfuture.withgoogle.com/programs/apm-program/",
            ),
            step(
                "Practise the interviews",
                "Rehearse product-sense and metrics questions with a friend, out loud, against a timer.",
                "data-metrics",
            ),
        ],
    },
    {
        "from": "associate-pm",
        "to": "product-manager",
        "months": 20,
        "summary": "Show you can own a product area without close guidance. Associate programmes typically run 18–24 months.",
        "sources": [
            "Climbing the PM ladder (18–24 months): https://krysthepm.com/2023/09/26/climbing-the-pm-ladder-when-and-how-to-aim-for-promotion"
        ],
        "steps": [
            step(
                "Own a feature from problem to launch",
                "Take one feature through discovery, specification, launch and a follow-up review without your mentor driving it.",
                "delivery-execution",
            ),
            step(
                "Set a metric and hit it",
                "Agree a success metric before you build, then report whether you hit it and why.",
                "data-metrics",
            ),
            step(
                "Write specs that need no rework",
                "Track how often your specifications come back with questions, and get that number down.",
                "stakeholder-communication",
            ),
            step(
                "Take over a slice of the roadmap",
                "Ask to own the roadmap for one part of the product for a quarter.",
                "product-strategy",
            ),
        ],
    },
    {
        "from": "product-manager",
        "to": "senior-pm",
        "months": 30,
        "summary": "Move from one team's product to a larger, higher-stakes area that you run with little guidance.",
        "sources": ["GitLab product career framework; Findmypast career framework"],
        "steps": [
            step(
                "Own a multi-team initiative",
                "Volunteer for an initiative that needs two or more teams and lead it to launch.",
                "cross-team-coordination",
            ),
            step(
                "Write the annual plan for your area",
                "Produce an annual plan tied to business goals, with a business case for the biggest bet.",
                "business-acumen",
            ),
            step(
                "Present at executive level",
                "Take your area's quarterly review to leadership yourself and handle the questions.",
                "managing-up",
            ),
            step(
                "Mentor a junior product manager",
                "Coach an associate or new PM for a quarter.",
                "people-leadership",
            ),
        ],
    },
    {
        "from": "senior-pm",
        "to": "group-pm",
        "months": 30,
        "summary": "Take the first management step: lead product managers and the strategy of a product group.",
        "sources": ["GitLab product leadership job family"],
        "steps": [
            step(
                "Manage your first report",
                "Take on a PM or an intern as a direct report, with one-to-ones and a growth plan.",
                "people-leadership",
            ),
            step(
                "Lead hiring loops",
                "Run the hiring loop for a product role: the scorecard, the interviews and the debrief.",
                "people-leadership",
            ),
            step(
                "Set strategy for a product group",
                "Write the strategy that connects several PMs' areas and get it agreed.",
                "product-strategy",
            ),
            step(
                "Connect the teams",
                "Chair a cross-team planning session for the group and resolve the overlaps.",
                "cross-team-coordination",
            ),
        ],
    },
    {
        "from": "senior-pm",
        "to": "head-of-product",
        "months": 30,
        "summary": "In a startup or scale-up, become the first product leader: own the strategy and build the team.",
        "sources": ["LaunchNotes, Head of Product vs VP of Product"],
        "steps": [
            step(
                "Own the company's product strategy",
                "Write the product strategy for the whole (small) company and review it with the CEO.",
                "product-strategy",
            ),
            step(
                "Hire and mentor the first PMs",
                "Hire your first product managers and set up one-to-ones and feedback.",
                "people-leadership",
            ),
            step(
                "Build product practices",
                "Introduce lightweight discovery, planning and metrics reviews the team actually uses.",
                "decision-making",
            ),
            step(
                "Work with the leadership team",
                "Bring a monthly product update to the leadership team with the decisions you need.",
                "managing-up",
            ),
        ],
    },
    {
        "from": "group-pm",
        "to": "director-of-product",
        "months": 36,
        "summary": "Grow from leading PMs to leading managers and owning a domain's budget and annual planning.",
        "sources": ["GitLab product leadership job family; Resonance Search role comparisons"],
        "steps": [
            step(
                "Lead a manager",
                "Lead four to six reports, at least one of whom manages people.",
                "people-leadership",
            ),
            step(
                "Own annual planning and budget",
                "Run the annual plan and budget for your domain.",
                "business-acumen",
            ),
            step(
                "Fix a cross-group process",
                "Pick a process that hurts several groups (planning, launches) and fix it.",
                "cross-team-coordination",
            ),
            step(
                "Work the go-to-market numbers",
                "Analyse go-to-market metrics with sales and marketing each quarter.",
                "data-metrics",
            ),
        ],
    },
    {
        "from": "head-of-product",
        "to": "director-of-product",
        "months": 36,
        "summary": "Move from leading a small company's product team to owning a domain in a larger organisation.",
        "sources": ["Resonance Search role comparisons"],
        "steps": [
            step(
                "Lead managers, not only PMs",
                "Grow one of your PMs into a manager and coach them.",
                "people-leadership",
            ),
            step(
                "Learn enterprise planning",
                "Own a formal annual plan and budget with finance.",
                "planning-control",
            ),
            step(
                "Manage risk and compliance",
                "Run risk reviews for launches and learn the regulations that apply to your market.",
                "compliance-risk",
            ),
            step(
                "Align several groups",
                "Coordinate the roadmaps of several product groups around one domain strategy.",
                "cross-team-coordination",
            ),
        ],
    },
    {
        "from": "head-of-product",
        "to": "vp-product",
        "months": 36,
        "summary": "As the company grows, scale the product team into an organisation with managers of its own.",
        "sources": ["LaunchNotes, Head of Product vs VP of Product"],
        "steps": [
            step(
                "Hire product managers who manage",
                "Hire or grow group PMs or directors and delegate whole areas to them.",
                "people-leadership",
            ),
            step(
                "Set a multi-year strategy",
                "Write a multi-year strategy across product lines and tie it to company goals.",
                "product-strategy",
            ),
            step(
                "Allocate investment",
                "Decide product investment across the portfolio and explain the trade-offs.",
                "business-acumen",
            ),
            step("Present to the board", "Take part in board reviews with the CEO.", "managing-up"),
        ],
    },
    {
        "from": "director-of-product",
        "to": "vp-product",
        "months": 48,
        "summary": "Move from one domain to all product lines and to leading directors. GitLab asks 18+ years of experience for its VP role.",
        "sources": ["GitLab product leadership job family"],
        "steps": [
            step("Manage directors", "Lead other directors or senior managers.", "people-leadership"),
            step(
                "Run portfolio investment allocation",
                "Lead the allocation of product investment across product lines.",
                "business-acumen",
            ),
            step(
                "Present to the board",
                "Present the product strategy in a board or investor meeting.",
                "managing-up",
            ),
            step(
                "Build career and hiring frameworks",
                "Create the company's product career framework and hiring process.",
                "people-leadership",
            ),
        ],
    },
    {
        "from": "vp-product",
        "to": "cpo",
        "months": 42,
        "summary": "Step into the executive team: own a company-wide number and become the voice of the product.",
        "sources": ["GitLab Chief Product Officer job family; Built In, Chief Product Officer"],
        "steps": [
            step(
                "Hold a company-wide number",
                "Own a company-level outcome such as revenue growth or retention.",
                "business-acumen",
            ),
            step(
                "Partner the CEO and CTO on allocation",
                "Decide engineering effort, headcount and structure together with the CEO and CTO.",
                "managing-up",
            ),
            step(
                "Own the pricing process",
                "Lead how pricing and packaging decisions are made.",
                "business-acumen",
            ),
            step(
                "Become the external voice",
                "Speak for the product to customers, analysts and the market.",
                "stakeholder-communication",
            ),
        ],
    },
    {
        "from": "product-owner",
        "to": "product-manager",
        "months": 12,
        "summary": "Widen from the backlog and the value of each increment to the success of the whole product: customers, business outcomes and strategy.",
        "sources": [
            "From product owner to product manager: https://yahiahassan.substack.com/p/from-product-owner-to-product-manager"
        ],
        "steps": [
            step(
                "Talk to customers, not only to the team",
                "Run customer interviews every month, not only refinement sessions.",
                "customer-insight",
            ),
            step(
                "Track outcomes, not story points",
                "Pick a business outcome for your product and report it instead of velocity.",
                "data-metrics",
            ),
            step(
                "Write a one-page strategy for your area",
                "Say who it is for, what problem it solves and what you will not do.",
                "product-strategy",
            ),
            step(
                "Join pricing or go-to-market work",
                "Take part in a pricing or launch decision with marketing and sales.",
                "business-acumen",
            ),
        ],
    },
    {
        "from": "project-manager",
        "to": "program-manager",
        "months": 24,
        "summary": "Move from one project to a set of interdependent projects aligned to strategy. PMI's PgMP asks 48 months of programme experience.",
        "sources": ["PMI PgMP eligibility summaries; PMI Standard for Program Management"],
        "steps": [
            step(
                "Take on a second, dependent project",
                "Run two projects that depend on each other at the same time.",
                "cross-team-coordination",
            ),
            step(
                "Build a cross-project dependency and risk plan",
                "Map dependencies and risks across the projects and review them weekly.",
                "compliance-risk",
            ),
            step(
                "Tie the projects to benefits",
                "Write down the benefit the projects deliver together and track it.",
                "business-acumen",
            ),
            step(
                "Get certified",
                "Get PMI's PMP, then work toward the PgMP.",
                "planning-control",
                "https://www.pmi.org/certifications/program-management-pgmp",
            ),
        ],
    },
    {
        "from": "program-manager",
        "to": "product-manager",
        "months": 12,
        "summary": "Move from how and when across teams to the what and why of one product area.",
        "sources": ["TPM vs PM: https://arsenii.com/tpm-vs-product-manager.html"],
        "steps": [
            step(
                "Own the why of one area",
                "Ask to own the problem statement and success metric of one product area.",
                "product-strategy",
            ),
            step(
                "Run discovery",
                "Run customer interviews and a prototype test before the next build.",
                "customer-insight",
            ),
            step(
                "Own a metric", "Take responsibility for one product metric and report on it.", "data-metrics"
            ),
        ],
    },
    {
        "from": "product-manager",
        "to": "program-manager",
        "months": 12,
        "summary": "Move from one product's direction to delivering a set of related projects across teams.",
        "sources": [
            "TPM vs PM: https://arsenii.com/tpm-vs-product-manager.html; PMI Standard for Program Management"
        ],
        "steps": [
            step(
                "Own cross-team schedules",
                "Take responsibility for the joint schedule of several teams.",
                "cross-team-coordination",
            ),
            step(
                "Keep a risk register",
                "Run a dependency and risk register and review it weekly with the teams.",
                "compliance-risk",
            ),
            step(
                "Learn formal planning",
                "Learn critical-path planning and budget tracking; consider PMI's PMP.",
                "planning-control",
            ),
        ],
    },
    {
        "from": "software-engineer",
        "to": "product-manager",
        "months": 15,
        "summary": "Bring your technical depth into product work; the gap to close is usually customer insight.",
        "sources": ["Exponent, from software engineer to product manager"],
        "steps": [
            step(
                "Find a PM sponsor",
                "Ask a product manager to sponsor an internal transfer and give you PM-like work.",
                "stakeholder-communication",
            ),
            step(
                "Talk to customers",
                "Join customer interviews and support calls; write up what users need.",
                "customer-insight",
            ),
            step(
                "Write the specs",
                "Write the specification for a feature you will also help build.",
                "delivery-execution",
            ),
            step("Review metrics", "Own the metric review for a feature after launch.", "data-metrics"),
        ],
    },
    {
        "from": "software-engineer",
        "to": "product-owner",
        "months": 9,
        "summary": "Many engineers start in product as product owners of the team they know.",
        "sources": ["Exponent, from software engineer to product manager"],
        "steps": [
            step(
                "Take over refinement",
                "Run backlog refinement for your team for a few sprints.",
                "backlog-management",
            ),
            step(
                "Write acceptance criteria",
                "Write acceptance criteria for the stories you refine.",
                "backlog-management",
            ),
            step(
                "Face the stakeholders",
                "Represent the team in stakeholder meetings and weigh competing requests.",
                "decision-making",
            ),
        ],
    },
    {
        "from": "ux-designer",
        "to": "product-manager",
        "months": 15,
        "summary": "Bring your knowledge of users; the gaps to close are usually data and business.",
        "sources": ["GitLab product manager job family"],
        "steps": [
            step(
                "Own the numbers",
                "Define and track the success metric for the next feature you design.",
                "data-metrics",
            ),
            step(
                "Learn the business model",
                "Build a simple business case for a design change with finance.",
                "business-acumen",
            ),
            step(
                "Own prioritisation",
                "Prioritise a backlog for a quarter and explain the trade-offs.",
                "decision-making",
            ),
        ],
    },
    {
        "from": "business-analyst",
        "to": "product-owner",
        "months": 9,
        "summary": "Requirements work is close to the product owner's: move from documenting needs to ordering the backlog by value.",
        "sources": ["IIBA BABOK v2"],
        "steps": [
            step(
                "Own a backlog",
                "Take ownership of a team's backlog and order it by value, not by who asked first.",
                "backlog-management",
            ),
            step(
                "Make the calls",
                "Decide between competing requests yourself and explain why.",
                "decision-making",
            ),
            step(
                "Work with the team every sprint",
                "Join sprint planning and reviews and accept or reject increments.",
                "delivery-execution",
            ),
        ],
    },
    {
        "from": "business-analyst",
        "to": "product-manager",
        "months": 15,
        "summary": "Build on your communication and requirements skills; the gap to close is usually strategy.",
        "sources": ["IIBA BABOK v2; GitLab product manager job family"],
        "steps": [
            step(
                "Write a product strategy",
                "Write a one-page strategy for a product area and defend it.",
                "product-strategy",
            ),
            step(
                "Talk to customers directly",
                "Run interviews with end users, not only with internal stakeholders.",
                "customer-insight",
            ),
            step(
                "Own an outcome",
                "Take responsibility for one business outcome and report it.",
                "data-metrics",
            ),
        ],
    },
    {
        "from": "data-analyst",
        "to": "product-manager",
        "months": 15,
        "summary": "Bring your data skills; the gaps to close are usually delivery and communication.",
        "sources": ["Ravi Mehta, Product Competency Toolkit"],
        "steps": [
            step(
                "Ship something",
                "Drive a small feature from specification to launch with an engineering team.",
                "delivery-execution",
            ),
            step(
                "Tell the story",
                "Present an analysis to non-technical stakeholders and get a decision from it.",
                "stakeholder-communication",
            ),
            step(
                "Talk to users",
                "Pair every dashboard you build with five user conversations.",
                "customer-insight",
            ),
        ],
    },
]


def transitions():
    return TRANSITIONS
