"""Default competencies: 15 skills and 5 preferences, in our own words, after the
research notes in ROLES-REFERENCE.md (Mehta's product competencies, productmap.io,
GitLab's career framework, PMI, the Scrum Guide)."""

SKILLS = [
    {
        "slug": "customer-insight",
        "name": "Customer insight",
        "description": "Finding out what users really need, from interviews, support tickets, usage data and sales calls, and turning it into decisions about the product.",
        "development_actions": [
            "Talk to five customers a month and write down one surprise from each conversation.",
            "Sit in on support or sales calls for an afternoon every two weeks.",
            "Publish a short monthly digest of what you learned from customers and what you changed because of it.",
        ],
    },
    {
        "slug": "product-strategy",
        "name": "Product strategy and vision",
        "description": "Setting a direction for a product and a prioritised roadmap that ties back to the company's strategy, and saying no to what does not fit.",
        "development_actions": [
            "Write a one-page strategy for your area: the problem, who it is for, how you will win and what you will not do.",
            "Present a 12-month roadmap to leadership with the trade-offs spelled out.",
            "Review one competitor each quarter and note what it means for your roadmap.",
        ],
    },
    {
        "slug": "delivery-execution",
        "name": "Delivery and execution",
        "description": "Working with engineers and designers to specify, ship and check the quality of product increments, sprint after sprint.",
        "development_actions": [
            "Write your next specification with measurable success criteria and review it with the team before work starts.",
            "Run a launch checklist for your next release (support, documentation, monitoring, rollback).",
            "Lead a blameless post-release review and follow up on its actions.",
        ],
    },
    {
        "slug": "backlog-management",
        "name": "Backlog management",
        "description": "Keeping an ordered, transparent backlog that moves the team toward a clear product goal, with items ready to build.",
        "development_actions": [
            "Hold a weekly refinement session with the team and track how many items are ready two sprints ahead.",
            "Write acceptance criteria for every story you put in front of the team.",
            "Open each sprint review by restating the product goal and how the increment moved toward it.",
        ],
    },
    {
        "slug": "stakeholder-communication",
        "name": "Stakeholder communication",
        "description": "Explaining complex, technical things to non-technical people, and keeping everyone who depends on the work informed and aligned.",
        "development_actions": [
            "Explain a technical topic to the sales or support team in ten minutes, then ask them to explain it back.",
            "Send a short weekly status note: what shipped, what is next, what is at risk.",
            "Map your stakeholders, what each needs from you and how often, and check it with your manager.",
        ],
    },
    {
        "slug": "data-metrics",
        "name": "Data and metrics",
        "description": "Using data to set goals, run experiments and show business outcomes, and spotting when a metric no longer tracks real value.",
        "development_actions": [
            "Learn enough SQL to answer your own product questions without waiting for an analyst.",
            "Write down the expected result before every experiment and compare it afterwards.",
            "Each quarter, check that one celebrated metric still tracks customer value.",
        ],
    },
    {
        "slug": "technical-fluency",
        "name": "Technical fluency",
        "description": "Understanding how software is designed, built, released and operated well enough to discuss trade-offs with engineers.",
        "development_actions": [
            "Read your system's architecture documentation and draw it from memory.",
            "Pair with an engineer on one ticket from start to deployment.",
            "Join an incident review and write down what caused the incident and how it was fixed.",
        ],
    },
    {
        "slug": "business-acumen",
        "name": "Business acumen",
        "description": "Connecting product work to revenue, cost, pricing and the business model, and making the business case for it.",
        "development_actions": [
            "Build a simple business case for your next initiative together with someone from finance.",
            "Learn your product's unit economics: what a customer costs to win, to serve and what they bring in.",
            "Take ownership of one revenue or cost metric and report on it monthly.",
        ],
    },
    {
        "slug": "people-leadership",
        "name": "People leadership and mentoring",
        "description": "Managing and mentoring people so they grow and do their best work: hiring, one-to-ones, feedback and career development.",
        "development_actions": [
            "Mentor a junior product manager or an intern for three months with agreed goals.",
            "Run regular one-to-ones with a written growth plan for each person.",
            "Take part in, then lead, a hiring loop for a product role.",
        ],
    },
    {
        "slug": "cross-team-coordination",
        "name": "Cross-team and program coordination",
        "description": "Aligning several teams or projects: their dependencies, their timing and their shared goals.",
        "development_actions": [
            "Keep a dependency map across the teams you work with and review it every week.",
            "Chair a weekly cross-team sync with a written agenda and decisions.",
            "Run a joint planning session for two or more teams.",
        ],
    },
    {
        "slug": "planning-control",
        "name": "Planning and control",
        "description": "Planning and controlling scope, schedule, budget and resources so a commitment is kept, and re-planning early when it will not be.",
        "development_actions": [
            "Build a schedule with a critical path for your next project and track it weekly.",
            "Track budget against actuals every month and explain the variance.",
            "Study for a recognised project management certificate such as PMI's PMP.",
        ],
    },
    {
        "slug": "decision-making",
        "name": "Decision-making under competing demands",
        "description": "Deciding quickly and clearly when stakeholders want different things, and explaining why.",
        "development_actions": [
            "Use a written prioritisation method (for example RICE) for your next planning round and share it.",
            "Set a deadline for every open decision and keep a decision log with the reasons.",
            "After a month, review three past decisions: what you knew, what you decided, what happened.",
        ],
    },
    {
        "slug": "compliance-risk",
        "name": "Compliance and risk awareness",
        "description": "Working within regulation (for example in healthcare or finance) and managing product, delivery and security risks before they hit.",
        "development_actions": [
            "Walk through one regulation that affects your product with the legal or compliance team.",
            "Add compliance checks to your team's definition of done.",
            "Keep a risk register for your area and run a risk review before each major launch.",
        ],
    },
    {
        "slug": "ux-design",
        "name": "User experience design",
        "description": "Shaping usable experiences together with designers: flows, prototypes and usability testing.",
        "development_actions": [
            "Sketch wireframes of the flow before writing the specification.",
            "Run a usability test with five users and fix the top three problems.",
            "Learn your design system well enough to propose a screen with it.",
        ],
    },
    {
        "slug": "managing-up",
        "name": "Managing up and executive influence",
        "description": "Working with executives to reach goals and shape strategy: bringing them the right information and getting decisions made.",
        "development_actions": [
            "Send leadership a one-page monthly update with decisions you need from them.",
            "Pre-wire your next big decision with each executive before the meeting.",
            "Ask a skip-level manager for feedback on how you present to leadership.",
        ],
    },
]

PREFERENCES = [
    {
        "slug": "scope-breadth",
        "name": "Breadth of scope",
        "description": "How wide a scope you want to own: a feature, one product, several teams, a portfolio of products or the whole organisation.",
        "low_label": "A feature in one team",
        "high_label": "The whole organisation",
    },
    {
        "slug": "people-management",
        "name": "Wish to manage people",
        "description": "Whether you want to hire, lead and develop people, or stay an individual contributor.",
        "low_label": "Individual contributor",
        "high_label": "Lead leaders",
    },
    {
        "slug": "strategic-focus",
        "name": "Hands-on or strategic",
        "description": "Whether you want to be close to the daily work of the team or mostly set direction for the long term.",
        "low_label": "Hands-on, day to day",
        "high_label": "Long-range strategy",
    },
    {
        "slug": "enterprise-setting",
        "name": "Startup or regulated enterprise",
        "description": "The setting you thrive in: a fast, loosely structured startup, or a large, regulated organisation with processes and governance.",
        "low_label": "Fast-moving startup",
        "high_label": "Large regulated enterprise",
    },
    {
        "slug": "product-direction",
        "name": "Deciding what to build",
        "description": "Whether you want to own what gets built and why, or make sure the committed work gets delivered on time and budget.",
        "low_label": "How and when: delivery",
        "high_label": "What and why: product direction",
    },
]


def competencies():
    return [{"kind": "skill", "low_label": "", "high_label": "", **s} for s in SKILLS] + [
        {"kind": "preference", "development_actions": [], **p} for p in PREFERENCES
    ]
