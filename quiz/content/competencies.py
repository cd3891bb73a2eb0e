"""Default competencies, in our own words after public sources
(Mehta's product competencies, productmap.io, GitLab's career framework, PMI, the Scrum
Guide).

Three kinds:

- 15 skills: what a person can do, levels 0–4 (0 not yet · 1 basics · 2 independent ·
  3 advanced, coaches others · 4 expert, sets the standard).
- 5 preferences: what a person wants next, between two ends.
- 3 experience facts: years, the widest scope held, the people managed. They tell whether
  a role is a step back, the next step or a stretch.

``level_labels`` say in words what each level means for this competency; the result page
uses them instead of bare numbers. ``development_actions`` are graded by the level they
help reach, so a plan never hands an expert a beginner's exercise.
"""


def actions(*items):
    return [{"level": level, "text": text} for level, text in items]


SKILLS = [
    {
        "slug": "customer-insight",
        "name": "Customer insight",
        "description": "Finding out what users really need, from interviews, support tickets, usage data and sales calls, and turning it into decisions about the product.",
        "level_labels": [
            "rarely in touch with users",
            "hears about users through others",
            "talks to users for their own work",
            "runs regular discovery and acts on it",
            "sets how the organisation learns from customers",
        ],
        "development_actions": actions(
            (2, "Sit in on three support or sales calls this month and write down one surprise from each."),
            (
                3,
                "Run five customer interviews a month yourself and change one backlog item because of what you heard.",
            ),
            (
                4,
                "Set up a discovery practice for several teams: an interview rota, a shared insight library and a monthly digest.",
            ),
        ),
    },
    {
        "slug": "product-strategy",
        "name": "Product strategy and vision",
        "description": "Setting a direction for a product and a prioritised roadmap that ties back to the company's strategy, and saying no to what does not fit.",
        "level_labels": [
            "works on what others decide",
            "contributes ideas to a roadmap",
            "keeps a roadmap for the next few quarters",
            "writes the strategy for an area",
            "sets multi-year strategy across products",
        ],
        "development_actions": actions(
            (
                2,
                "Turn your area's requests into a roadmap for the next two quarters and review it with your manager.",
            ),
            (
                3,
                "Write a one-page strategy for your area: the problem, who it is for, how you will win and what you will not do.",
            ),
            (
                4,
                "Write a multi-year strategy across several products with the investment choices spelled out, and take it to leadership.",
            ),
        ),
    },
    {
        "slug": "delivery-execution",
        "name": "Delivery and execution",
        "description": "Working with engineers and designers to specify, ship and check the quality of product increments, sprint after sprint.",
        "level_labels": [
            "not involved in releases",
            "tests and gives feedback",
            "specifies and sees work through to release",
            "runs releases end to end",
            "sets how teams ship",
        ],
        "development_actions": actions(
            (
                2,
                "Write the specification for one piece of work with measurable success criteria and stay with the team until it ships.",
            ),
            (
                3,
                "Run your next release from specification to launch checklist (support, documentation, monitoring, rollback) and a post-release review.",
            ),
            (
                4,
                "Fix how several teams ship: agree a common definition of done and a release review that every team uses.",
            ),
        ),
    },
    {
        "slug": "backlog-management",
        "name": "Backlog management",
        "description": "Keeping an ordered, transparent backlog that moves the team toward a clear product goal, with items ready to build.",
        "level_labels": [
            "no part in a backlog",
            "adds requests to a backlog",
            "keeps a backlog ordered with clear items",
            "owns the backlog toward a product goal",
            "coaches others on backlog practice",
        ],
        "development_actions": actions(
            (2, "Write acceptance criteria for every item you put in front of the team for a month."),
            (
                3,
                "Order the backlog by value toward a written product goal and hold a weekly refinement that keeps two sprints ready.",
            ),
            (
                4,
                "Coach another product owner on backlog practice for a quarter and write down what you agreed.",
            ),
        ),
    },
    {
        "slug": "stakeholder-communication",
        "name": "Stakeholder communication",
        "description": "Explaining complex, technical things to non-technical people, and keeping everyone who depends on the work informed and aligned.",
        "level_labels": [
            "rarely explains work to others",
            "explains own work with some effort",
            "keeps own stakeholders informed",
            "translates between technical and business people",
            "speaks for whole departments",
        ],
        "development_actions": actions(
            (
                2,
                "Send a short weekly note to the people who depend on your work: what shipped, what is next, what is at risk.",
            ),
            (
                3,
                "Explain a technical topic to the sales or support team in ten minutes, then ask them to explain it back.",
            ),
            (
                4,
                "Map every stakeholder group of your area and run a quarterly review that each of them attends.",
            ),
        ),
    },
    {
        "slug": "data-metrics",
        "name": "Data and metrics",
        "description": "Using data to set goals, run experiments and show business outcomes, and spotting when a metric no longer tracks real value.",
        "level_labels": [
            "does not use data yet",
            "hears results from others",
            "reads dashboards others built",
            "sets targets and checks them with own analysis",
            "sets how the organisation measures success",
        ],
        "development_actions": actions(
            (
                2,
                "Learn enough SQL or spreadsheet modelling to answer one product question a week without an analyst.",
            ),
            (
                3,
                "Before your next piece of work, write down the metric and the expected result, and compare them after launch.",
            ),
            (
                4,
                "Review the metrics your organisation celebrates and retire one that no longer tracks customer value.",
            ),
        ),
    },
    {
        "slug": "technical-fluency",
        "name": "Technical fluency",
        "description": "Understanding how software is designed, built, released and operated well enough to discuss trade-offs with engineers.",
        "level_labels": [
            "no technical background",
            "knows the basic terms",
            "follows technical discussions",
            "discusses architecture trade-offs",
            "could do the engineering",
        ],
        "development_actions": actions(
            (
                2,
                "Read your system's architecture documentation and draw it from memory, then check it with an engineer.",
            ),
            (
                3,
                "Pair with an engineer on one piece of work from design to deployment, and join the next incident review.",
            ),
            (
                4,
                "Review a technical design with the architects and write down the trade-offs you would choose and why.",
            ),
        ),
    },
    {
        "slug": "business-acumen",
        "name": "Business acumen",
        "description": "Connecting product work to revenue, cost, pricing and the business model, and making the business case for it.",
        "level_labels": [
            "does not know the money side yet",
            "knows roughly what the company sells",
            "knows the product's revenue and costs",
            "builds business cases and owns a number",
            "decides pricing and investment",
        ],
        "development_actions": actions(
            (
                2,
                "Learn your product's unit economics: what a customer costs to win and to serve, and what they bring in.",
            ),
            (
                3,
                "Build the business case for your next initiative with someone from finance and own one revenue or cost metric.",
            ),
            (
                4,
                "Take part in a pricing or investment decision across products and present the trade-offs to the leadership team.",
            ),
        ),
    },
    {
        "slug": "people-leadership",
        "name": "People leadership and mentoring",
        "description": "Managing and mentoring people so they grow and do their best work: hiring, one-to-ones, feedback and career development.",
        "level_labels": [
            "has not led or mentored anyone",
            "helps newcomers settle in",
            "mentors one or two people",
            "manages a team and grows people",
            "develops managers and the organisation",
        ],
        "development_actions": actions(
            (2, "Mentor a junior colleague or an intern for three months with goals you agree at the start."),
            (
                3,
                "Take on a direct report: weekly one-to-ones, a written growth plan, and a hiring loop you lead.",
            ),
            (
                4,
                "Coach a new manager through their first six months and build the career framework your managers use.",
            ),
        ),
    },
    {
        "slug": "cross-team-coordination",
        "name": "Cross-team and program coordination",
        "description": "Aligning several teams or projects: their dependencies, their timing and their shared goals.",
        "level_labels": [
            "works on their own",
            "coordinates within one team",
            "aligns two or three teams",
            "runs a programme of dependent teams",
            "aligns many departments",
        ],
        "development_actions": actions(
            (2, "Keep a dependency map of the teams you work with and review it with them every week."),
            (
                3,
                "Lead an initiative that needs several teams: a joint plan, a weekly sync with written decisions, and one owner per dependency.",
            ),
            (
                4,
                "Design the planning process for a whole department so clashes between teams show up weeks earlier.",
            ),
        ),
    },
    {
        "slug": "planning-control",
        "name": "Planning and control",
        "description": "Planning and controlling scope, schedule, budget and resources so a commitment is kept, and re-planning early when it will not be.",
        "level_labels": [
            "starts and sees how it goes",
            "works from a to-do list",
            "plans with milestones",
            "runs a controlled schedule and budget",
            "sets the planning standard for several projects",
        ],
        "development_actions": actions(
            (
                2,
                "Plan your next piece of work with milestones and a date for each, and report against it every week.",
            ),
            (
                3,
                "Build a schedule with a critical path and a budget for your next project and track both weekly; study for a certificate such as PMI's PMP.",
            ),
            (
                4,
                "Set the planning and change-control standard for several projects and review their budgets every month.",
            ),
        ),
    },
    {
        "slug": "decision-making",
        "name": "Decision-making under competing demands",
        "description": "Deciding quickly and clearly when stakeholders want different things, and explaining why.",
        "level_labels": [
            "waits for others to decide",
            "decides small things",
            "decides within own area",
            "makes hard trade-offs quickly and explains them",
            "sets how the organisation decides",
        ],
        "development_actions": actions(
            (
                2,
                "Set a deadline for every open decision in your area and keep a short decision log with the reasons.",
            ),
            (
                3,
                "Use a written prioritisation method (for example RICE) in your next planning round and explain the trade-offs to everyone who lost.",
            ),
            (
                4,
                "Agree with the leadership team who decides what, and publish it, so decisions stop going up by default.",
            ),
        ),
    },
    {
        "slug": "compliance-risk",
        "name": "Risk and compliance",
        "description": "Managing delivery, product and security risk before it hits, and working within regulation where the product is regulated (for example in healthcare or finance).",
        "level_labels": [
            "risk has not been part of the work",
            "knows some rules apply",
            "follows the risk and compliance checks",
            "runs risk reviews and keeps a risk register",
            "sets the risk approach for several teams",
        ],
        "development_actions": actions(
            (
                2,
                "Walk through the rules that apply to your product with the legal, security or compliance team.",
            ),
            (
                3,
                "Keep a risk register for your work and run a risk review before the next major launch or go-live.",
            ),
            (
                4,
                "Set the risk and compliance approach for several teams and add its checks to everyone's definition of done.",
            ),
        ),
    },
    {
        "slug": "ux-design",
        "name": "User experience design",
        "description": "Shaping usable experiences together with designers: flows, prototypes and usability testing.",
        "level_labels": [
            "no design work yet",
            "gives feedback on finished designs",
            "sketches flows and reviews prototypes",
            "runs usability tests and shapes flows",
            "leads research and design",
        ],
        "development_actions": actions(
            (
                2,
                "Sketch the flow of your next feature before the specification and review it with a designer.",
            ),
            (
                3,
                "Run a usability test with five users and fix the three biggest problems with your designer.",
            ),
            (4, "Lead the research and design of a whole journey, from interviews to tested prototype."),
        ),
    },
    {
        "slug": "managing-up",
        "name": "Managing up and executive influence",
        "description": "Working with executives to reach goals and shape strategy: bringing them the right information and getting decisions made.",
        "level_labels": [
            "no contact with executives yet",
            "presents with a manager's help",
            "presents own area a few times a year",
            "brings executives decisions and gets them made",
            "sits on the executive team",
        ],
        "development_actions": actions(
            (
                2,
                "Present your area's next quarterly review to leadership yourself, with your manager in the room.",
            ),
            (
                3,
                "Send leadership a one-page monthly update with the decisions you need, and pre-wire the next big one with each executive.",
            ),
            (4, "Own a company-level goal in the executive team and report on it to the board."),
        ),
    },
]

PREFERENCES = [
    {
        "slug": "scope-breadth",
        "name": "Breadth of scope you want",
        "description": "How wide a scope you want to own: a feature, one product, several teams, a portfolio of products or the whole organisation.",
        "low_label": "One feature",
        "high_label": "Everything the company builds",
        "level_labels": [
            "one feature, done really well",
            "one product or one project",
            "an area across several teams",
            "a portfolio of products or projects",
            "everything the company builds",
        ],
    },
    {
        "slug": "people-management",
        "name": "Wish to manage people",
        "description": "Whether you want to hire, lead and develop people, or stay an individual contributor.",
        "low_label": "Individual contributor",
        "high_label": "Lead managers",
        "level_labels": [
            "stay an individual contributor",
            "mentor people without managing them",
            "try managing one or two people",
            "lead a team",
            "lead managers and build an organisation",
        ],
    },
    {
        "slug": "strategic-focus",
        "name": "Hands-on or strategic",
        "description": "Whether you want to be close to the daily work of the team or mostly set direction for the long term.",
        "low_label": "Hands-on, day to day",
        "high_label": "Long-range strategy",
        "level_labels": [
            "hands-on almost all week",
            "mostly hands-on, some planning",
            "half hands-on, half strategy",
            "mostly strategy and leadership",
            "long-range strategy almost all week",
        ],
    },
    {
        "slug": "product-direction",
        "name": "Deciding what to build",
        "description": "Whether you want to own what gets built and why, or make sure the committed work gets delivered on time and budget.",
        "low_label": "How and when: delivery",
        "high_label": "What and why: product direction",
        "level_labels": [
            "delivering a committed plan on time and budget",
            "getting several teams to deliver together",
            "a balance of delivery and direction",
            "making sure what is built is worth building",
            "deciding what gets built and why",
        ],
    },
]

EXPERIENCE = [
    {
        "slug": "experience-years",
        "name": "Years in product, project or program work",
        "description": "Years of work in product, project or program management. Related work (engineering, design, analysis) is asked apart: it helps a move into product work but is not counted here.",
        "low_label": "Less than 3 years",
        "high_label": "15 years or more",
        "level_labels": [
            "less than 3 years",
            "3–5 years",
            "6–9 years",
            "10–14 years",
            "15 years or more",
        ],
    },
    {
        "slug": "scope-held",
        "name": "Widest scope held",
        "description": "The widest scope a person has been responsible for so far.",
        "low_label": "Own tasks",
        "high_label": "Every product line",
        "level_labels": [
            "own tasks or studies",
            "one product, project or backlog",
            "several teams or a programme",
            "a product line, a domain or a small company's whole product",
            "every product line of a larger company",
        ],
    },
    {
        "slug": "people-managed",
        "name": "People managed",
        "description": "How many people report (or reported) to a person, at most.",
        "low_label": "Nobody",
        "high_label": "An organisation of managers",
        "level_labels": [
            "no direct reports",
            "one to three people",
            "a team of four to ten",
            "managers who lead their own teams",
            "an organisation with several layers of managers",
        ],
    },
    {
        "slug": "related-years",
        "name": "Years in related work",
        "description": "Years in work next to product: engineering, design, analysis or consulting. They are not years in product; many years of them put a person's entry into product work above its very first rung.",
        "low_label": "No related work",
        "high_label": "10 years or more",
        "level_labels": [
            "no related work",
            "less than 3 years of related work",
            "3–5 years of related work",
            "6–9 years of related work",
            "10 years or more of related work",
        ],
    },
]


def competencies():
    return (
        [{"kind": "skill", "low_label": "", "high_label": "", **s} for s in SKILLS]
        + [{"kind": "preference", "development_actions": [], **p} for p in PREFERENCES]
        + [{"kind": "experience", "development_actions": [], **e} for e in EXPERIENCE]
    )
