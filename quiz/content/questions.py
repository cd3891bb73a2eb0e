"""The default quiz: 40 questions in four sections. Most skill questions are ladders whose
options describe situations at levels 0–4 of one competency; agreement statements
(1–5) map "strongly disagree" to level 0 and "strongly agree" to level 4."""

from .roles import ROLES

DISAGREE = "Strongly disagree"
AGREE = "Strongly agree"


def ladder(slug, section, text, competency, options, help_text=""):
    """A single-choice question whose options are levels 0, 1, 2, 3, 4 of one competency."""
    assert len(options) == 5, slug
    return {
        "slug": slug,
        "section": section,
        "text": text,
        "help_text": help_text,
        "kind": "single",
        "current_role": False,
        "active": True,
        "options": [
            {"slug": opt_slug, "label": label, "role": None, "active": True, "scores": {competency: level}}
            for level, (opt_slug, label) in enumerate(options)
        ],
    }


def statement(slug, section, text, competency, help_text=""):
    """A 1–5 agreement question: 1 means level 0 of the competency, 5 means level 4."""
    return {
        "slug": slug,
        "section": section,
        "text": text,
        "help_text": help_text,
        "kind": "scale",
        "current_role": False,
        "active": True,
        "options": [
            {"slug": "disagree", "label": DISAGREE, "role": None, "active": True, "scores": {competency: 0}},
            {"slug": "agree", "label": AGREE, "role": None, "active": True, "scores": {competency: 4}},
        ],
    }


NOW = "Where you are now"
SKILLS = "What you do well"
WANTS = "What you want next"


def _current_role_question():
    options = [
        {"slug": role["slug"], "label": role["name"], "role": role["slug"], "active": True, "scores": {}}
        for role in ROLES
    ]
    options.append(
        {"slug": "something-else", "label": "Something else", "role": None, "active": True, "scores": {}}
    )
    return {
        "slug": "current-role",
        "section": NOW,
        "text": "Which of these is closest to your job today?",
        "help_text": "We plan your route from here. Pick the nearest match if your title is different.",
        "kind": "single",
        "current_role": True,
        "active": True,
        "options": options,
    }


def _done_this_year():
    done = [
        (
            "managed-someone",
            "Managed someone: one-to-ones, a performance review or a hiring decision",
            "people-leadership",
        ),
        (
            "presented-to-executives",
            "Presented a plan to the executive team and got a decision",
            "managing-up",
        ),
        ("business-case", "Built a business case with a revenue or cost forecast", "business-acumen"),
        ("risk-register", "Kept a risk register or ran a risk review before a launch", "compliance-risk"),
        ("multi-team-planning", "Ran a planning session for several teams", "cross-team-coordination"),
    ]
    options = [
        {"slug": slug, "label": label, "role": None, "active": True, "scores": {comp: 3}}
        for slug, label, comp in done
    ]
    options.append(
        {
            "slug": "none-yet",
            "label": "None of these yet",
            "role": None,
            "active": True,
            "exclusive": True,
            "scores": {comp: 1 for _, _, comp in done},
        }
    )
    return {
        "slug": "done-this-year",
        "section": NOW,
        "text": "Which of these have you done in the last twelve months?",
        "help_text": "Choose all that apply.",
        "kind": "multiple",
        "current_role": False,
        "active": True,
        "options": options,
    }


def questions():
    return [
        _current_role_question(),
        _done_this_year(),
        ladder(
            "customer-conversations",
            SKILLS,
            "When did you last talk to a customer or user about their problems?",
            "customer-insight",
            [
                ("never", "I haven't, so far"),
                ("once", "Once or twice, for a project"),
                ("few-times-a-year", "A few times a year, when someone sets it up"),
                ("monthly", "Every month: I set up the conversations myself"),
                ("weekly-and-coach", "Every week, and I coach others to run interviews"),
            ],
        ),
        ladder(
            "unused-feature",
            SKILLS,
            "A feature you shipped last month is hardly used. What do you do first?",
            "customer-insight",
            [
                ("move-on", "Move on to the next item on the list"),
                ("ask-team", "Ask the team what they think went wrong"),
                ("read-feedback", "Read the support tickets and feedback about it"),
                ("talk-to-users", "Talk to a handful of users to learn what they expected"),
                (
                    "discovery-habit",
                    "Run a short discovery round and change how we validate ideas before building",
                ),
            ],
        ),
        ladder(
            "know-it-worked",
            SKILLS,
            "How do you usually know whether something you shipped worked?",
            "data-metrics",
            [
                ("dont-know", "I don't usually find out"),
                ("someone-tells-me", "Someone tells me, or we hear feedback"),
                ("dashboard", "I look at a dashboard someone else built"),
                ("target-before", "I set a target metric before building and check it myself after launch"),
                (
                    "experiments",
                    "I design experiments and teach others to question metrics that look good but track nothing",
                ),
            ],
        ),
        statement(
            "own-queries",
            SKILLS,
            "I can write a query or build a spreadsheet model to answer my own product questions.",
            "data-metrics",
        ),
        ladder(
            "two-years-out",
            SKILLS,
            "Someone asks where your product should be in two years. What can you show them?",
            "product-strategy",
            [
                ("not-thought", "Nothing yet; that's decided above me"),
                ("feature-list", "A list of features people have asked for"),
                ("quarter-roadmap", "A roadmap for the next few quarters"),
                (
                    "written-strategy",
                    "A written strategy: the bets, what we won't do, and how it ties to company goals",
                ),
                (
                    "multi-year",
                    "A multi-year strategy across several products that leadership uses to invest",
                ),
            ],
        ),
        statement(
            "explain-strategy",
            SKILLS,
            "I could explain in two minutes how my work ties to the company's strategy.",
            "product-strategy",
        ),
        ladder(
            "release-involvement",
            SKILLS,
            "How involved are you in getting a release out of the door?",
            "delivery-execution",
            [
                ("not-involved", "I'm not involved in releases"),
                ("test-feedback", "I help test and give feedback"),
                ("spec-and-support", "I write the specs and work with the team until it ships"),
                ("run-release", "I run it from spec to launch checklist and post-release review"),
                ("set-the-process", "I set how our teams ship and fix the process when releases go wrong"),
            ],
        ),
        statement(
            "spec-without-questions",
            SKILLS,
            "I can write a specification that engineers build from without coming back with many questions.",
            "delivery-execution",
        ),
        ladder(
            "team-backlog",
            SKILLS,
            "What does your team's backlog look like, and what's your part in it?",
            "backlog-management",
            [
                ("no-backlog", "We don't have one, or I don't see it"),
                ("request-list", "A list of requests that I add to"),
                ("ordered-stories", "I keep it ordered and write stories with acceptance criteria"),
                (
                    "ready-two-sprints",
                    "Ordered by value toward a product goal, ready two sprints ahead; the team trusts it",
                ),
                ("coach-others", "All of that, and I coach other product owners on backlog practice"),
            ],
        ),
        statement(
            "backlog-ready",
            SKILLS,
            "Before each sprint, I make sure the top of the backlog is ordered, refined and ready to build.",
            "backlog-management",
        ),
        ladder(
            "explain-technical",
            SKILLS,
            "How often do you explain technical topics to non-technical people, such as sales, customers or executives?",
            "stakeholder-communication",
            [
                ("avoid", "Rarely; I'd rather not"),
                ("sometimes-hard", "Sometimes, and I find it hard"),
                ("regularly", "Regularly, about my own area"),
                (
                    "translator",
                    "Often: people ask me to translate between the technical side and the business",
                ),
                (
                    "represent-departments",
                    "It's the core of my job: I speak for whole departments to the company",
                ),
            ],
        ),
        statement(
            "enjoy-explaining",
            SKILLS,
            "I enjoy explaining complex things to people who don't share my background.",
            "stakeholder-communication",
        ),
        ladder(
            "technical-background",
            SKILLS,
            "How would you describe your technical background?",
            "technical-fluency",
            [
                ("none", "None so far"),
                ("basic-terms", "I know the basic terms"),
                ("discuss-tradeoffs", "I can discuss architecture trade-offs with engineers"),
                ("built-software", "I have built software or worked closely on technical designs"),
                ("engineer", "I have worked as a software engineer and can read production code"),
            ],
        ),
        ladder(
            "migration-jargon",
            SKILLS,
            'An engineer says a change needs "a database migration and a new API version". How much of that do you follow?',
            "technical-fluency",
            [
                ("lost", "Not much, honestly"),
                ("gist", "I get the gist: it's bigger than it sounds"),
                ("follow", "I follow, and I can ask what it means for the schedule"),
                ("tradeoffs", "I can discuss the options and their risks with the engineer"),
                ("could-do-it", "I could review the change myself"),
            ],
        ),
        ladder(
            "work-and-money",
            SKILLS,
            "How does your work connect to money?",
            "business-acumen",
            [
                ("dont-know", "I don't know how my work affects revenue or cost"),
                ("roughly", "I know roughly what the company sells"),
                ("know-numbers", "I know my product's revenue and main costs"),
                ("business-cases", "I build business cases and track my area's revenue or cost"),
                ("set-pricing", "I decide pricing and investment across products"),
            ],
        ),
        statement(
            "unit-economics",
            SKILLS,
            "I could explain my product's unit economics: what a customer costs to win and serve, and what they bring in.",
            "business-acumen",
        ),
        ladder(
            "people-managed",
            SKILLS,
            "How many people have you managed or formally mentored?",
            "people-leadership",
            [
                ("none", "None"),
                ("helped-newcomer", "I've helped a newcomer settle in"),
                ("mentor", "I mentor one or two people"),
                ("manage-team", "I manage a team: one-to-ones, reviews and hiring"),
                ("manage-managers", "I manage managers"),
            ],
        ),
        ladder(
            "struggling-colleague",
            SKILLS,
            "Someone in your team is struggling. What do you do?",
            "people-leadership",
            [
                ("not-my-place", "It's not my place to step in"),
                ("tell-manager", "I mention it to their manager"),
                ("help-with-task", "I offer to help with the task"),
                ("growth-plan", "I set up regular one-to-ones and a plan to help them grow"),
                (
                    "build-framework",
                    "I make sure our managers have the coaching and career framework to handle this",
                ),
            ],
        ),
        ladder(
            "teams-depend",
            SKILLS,
            "How many teams depend on your decisions today?",
            "cross-team-coordination",
            [
                ("none", "None: I mostly work on my own"),
                ("my-team", "Just my own team"),
                ("two-three", "Two or three teams"),
                ("programme", "A department or a programme of projects"),
                ("many-departments", "Many departments across the company"),
            ],
        ),
        ladder(
            "shared-engineer",
            SKILLS,
            "Two teams need the same specialist in the same week, and both deadlines are real. What do you do?",
            "cross-team-coordination",
            [
                ("leave-it", "Leave it to the teams to sort out"),
                ("escalate", "Escalate to a manager"),
                ("compromise", "Talk to both leads and find a compromise"),
                ("replan", "Check the dependency map, re-plan with both teams and tell the sponsors"),
                ("fix-planning", "Fix the planning process so clashes like this show up weeks earlier"),
            ],
        ),
        ladder(
            "fixed-date",
            SKILLS,
            "How do you plan a piece of work that must land by a fixed date?",
            "planning-control",
            [
                ("just-start", "I start and see how it goes"),
                ("todo-list", "With a to-do list"),
                ("milestones", "With a timeline and milestones"),
                ("critical-path", "A schedule with a critical path, budget and risks, tracked every week"),
                (
                    "set-standard",
                    "I set the planning standard for several projects and control their budgets",
                ),
            ],
        ),
        statement(
            "budget-vs-actuals",
            SKILLS,
            "I track budget against actuals and re-plan early when a deadline is at risk.",
            "planning-control",
        ),
        ladder(
            "competing-demands",
            SKILLS,
            "Sales, support and engineering each want something different this quarter. You:",
            "decision-making",
            [
                ("wait", "Wait for someone more senior to decide"),
                ("bit-of-everything", "Try to do a bit of everything"),
                ("pick-one", "Pick one and explain it to the others"),
                (
                    "method",
                    "Use a clear prioritisation method, decide within days and explain the trade-offs",
                ),
                (
                    "decide-and-system",
                    "Decide the big calls fast and set up how the organisation makes such decisions",
                ),
            ],
        ),
        statement(
            "decide-quickly",
            SKILLS,
            "When stakeholders disagree, I make the call quickly and can explain why.",
            "decision-making",
        ),
        ladder(
            "regulation",
            SKILLS,
            "How much have regulation and risk (for example in healthcare, finance or security) shaped your work?",
            "compliance-risk",
            [
                ("not-at-all", "Not at all"),
                ("aware", "I know some rules apply"),
                ("follow-checks", "I follow the compliance checks for my area"),
                ("run-reviews", "I run risk reviews and keep a risk register"),
                ("set-approach", "I set the compliance and risk approach for several teams"),
            ],
        ),
        statement(
            "what-could-go-wrong",
            SKILLS,
            "Before a launch, I work out what could go wrong (security, legal, safety) and plan for it.",
            "compliance-risk",
        ),
        ladder(
            "work-with-design",
            SKILLS,
            "How do you work with design?",
            "ux-design",
            [
                ("dont", "I don't, so far"),
                ("feedback", "I give feedback on finished designs"),
                ("sketch-review", "I sketch flows and review prototypes with the designer"),
                ("usability-tests", "I run usability tests and shape the flows together with design"),
                ("designer", "I lead research and design myself"),
            ],
        ),
        statement(
            "confusing-screen",
            SKILLS,
            "I notice when a screen is confusing and can say how to fix it.",
            "ux-design",
        ),
        ladder(
            "executives",
            SKILLS,
            "How often do you present to executives?",
            "managing-up",
            [
                ("never", "Never so far"),
                ("with-manager", "Once or twice, with my manager"),
                ("few-times", "A few times a year, on my area"),
                ("regularly", "Regularly: I bring them decisions and get them made"),
                ("leadership-team", "I'm on the leadership team or present to the board"),
            ],
        ),
        statement(
            "exec-backing",
            SKILLS,
            "I know how to get executives to back a plan before the meeting where it is decided.",
            "managing-up",
        ),
        ladder(
            "next-scope",
            WANTS,
            "What scope would you like to own in your next job?",
            "scope-breadth",
            [
                ("feature", "One feature, done really well"),
                ("one-product", "One product or one project"),
                ("several-teams", "An area that spans several teams"),
                ("portfolio", "A portfolio of related products or projects"),
                ("whole-company", "Everything the company builds"),
            ],
        ),
        statement(
            "many-products",
            WANTS,
            "I'd rather be responsible for many products at a high level than for one product in depth.",
            "scope-breadth",
        ),
        ladder(
            "manage-people",
            WANTS,
            "Do you want to manage people?",
            "people-management",
            [
                ("no", "No: I want to stay an individual contributor"),
                ("mentor-only", "I'd like to mentor people, without managing them"),
                ("try-it", "I'm curious to try managing one or two people"),
                ("lead-team", "Yes, I want to lead a team"),
                ("lead-managers", "Yes, and I want to lead managers and build an organisation"),
            ],
        ),
        statement(
            "best-part-people",
            WANTS,
            "Hiring, one-to-ones and growing people would be the best part of my job.",
            "people-management",
        ),
        ladder(
            "split-week",
            WANTS,
            "How would you like to spend your week?",
            "strategic-focus",
            [
                ("hands-on", "Almost all of it in the day-to-day work with the team"),
                ("mostly-hands-on", "Mostly day-to-day, some planning"),
                ("half-half", "Half hands-on, half strategy"),
                ("mostly-strategy", "Mostly strategy and leadership, some hands-on"),
                ("strategy", "Almost all of it on long-range strategy and leadership"),
            ],
        ),
        statement(
            "three-years",
            WANTS,
            "I'd rather shape the direction for the next three years than ship something next week.",
            "strategic-focus",
        ),
        ladder(
            "best-setting",
            WANTS,
            "Where do you do your best work?",
            "enterprise-setting",
            [
                ("startup", "A young startup: everything moves fast and nothing is fixed"),
                ("scale-up", "A scale-up that is finding its processes"),
                ("established", "An established company with some structure"),
                ("large-company", "A large company with clear processes and governance"),
                ("regulated", "A large regulated organisation: a bank, insurer, hospital or government"),
            ],
        ),
        statement(
            "processes-help",
            WANTS,
            "Clear processes, approvals and compliance rules help me do good work.",
            "enterprise-setting",
        ),
        ladder(
            "accountable-for",
            WANTS,
            "What would you rather be accountable for?",
            "product-direction",
            [
                ("on-time-budget", "That a committed plan lands on time and on budget"),
                ("teams-deliver", "That several teams deliver together as planned"),
                ("valuable-increments", "That each increment the team builds is worth building"),
                ("right-features", "That we build the right features for our users"),
                ("product-wins", "That the product wins in its market: what we build and why"),
            ],
        ),
        statement(
            "decide-what",
            WANTS,
            "I'd rather decide what gets built than make sure it gets built.",
            "product-direction",
        ),
    ]
