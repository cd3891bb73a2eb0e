"""The default quiz: four sections.

1. Where you are now: the current role and the experience facts, each its own question
   (years in product, project or program work; years in related work; the widest scope
   held; line reports), then a checklist of things done recently. The checklist marks
   steps of a plan as done and is evidence of *at least* a level: ticking an item never
   lowers a competency.
2. Where you want to go: the roles the person is weighing (at most three, or "not sure"),
   managing people or not, the kind of organisation and the time horizon. These have a
   purpose, so the adaptive quiz always asks them; they shape the advice, not the match.
3. How you work: each skill is measured by at least two questions of different kinds, so
   one careless click cannot decide it. Ladders describe facts of a person's work in
   ascending order (how often, how many, what part they play). Scenarios ("what do you do
   first?") offer answers that are all reasonable: a first move shows what a person cares
   about, not how good they are, so they score wishes (deciding what to build, strategy or
   hands-on work), except "unused-feature", kept as it was for now.
4. What you want next: the preferences, including the appetite for hiring and coaching
   managers (leadership style by level is no longer asked: a style suits the situation).

Questions a person outside product work cannot answer have a "not applicable" option,
which leaves the question out of the profile instead of counting as a middle level.
Agreement statements (1–5) map "strongly disagree" to level 0 and "strongly agree" to
level 4.
"""

from .roles import ROLES

DISAGREE = "Strongly disagree"
AGREE = "Strongly agree"

NOW = "Where you are now"
GOALS = "Where you want to go"
SKILLS = "How you work"
WANTS = "What you want next"


def _option(slug, label, scores=None, **extra):
    return {"slug": slug, "label": label, "role": None, "active": True, "scores": scores or {}, **extra}


def not_applicable(label):
    return _option("not-applicable", label, not_applicable=True)


def _question(slug, section, text, kind, options, help_text="", purpose="plain", active=True):
    return {
        "slug": slug,
        "section": section,
        "text": text,
        "help_text": help_text,
        "kind": kind,
        "current_role": False,
        "purpose": purpose,
        "active": active,
        "options": options,
    }


def ladder(slug, section, text, competency, options, help_text="", na=None):
    """A single-choice question whose five options are levels 0, 1, 2, 3, 4 of one competency."""
    assert len(options) == 5, slug
    choices = [_option(o_slug, label, {competency: level}) for level, (o_slug, label) in enumerate(options)]
    if na:
        choices.append(not_applicable(na))
    return _question(slug, section, text, "single", choices, help_text)


def scenario(slug, section, text, options, help_text="", na=None, active=True):
    """A single-choice question whose options are different reasonable answers: what a
    person would do *first* shows what they care about, not how well they do it, so each
    option scores a preference (``product-direction``, ``strategic-focus``), never a skill
    level. Options are (slug, label, {preference: level})."""
    choices = [_option(o_slug, label, scores) for o_slug, label, scores in options]
    if na:
        choices.append(not_applicable(na))
    return _question(slug, section, text, "single", choices, help_text, active=active)


def statement(slug, section, text, competency, help_text="", na=None):
    """A 1–5 agreement question: 1 means level 0 of the competency, 5 means level 4."""
    choices = [
        _option("disagree", DISAGREE, {competency: 0}),
        _option("agree", AGREE, {competency: 4}),
    ]
    if na:
        choices.append(not_applicable(na))
    return _question(slug, section, text, "scale", choices, help_text)


def _current_role_question():
    options = [
        {"slug": role["slug"], "label": role["name"], "role": role["slug"], "active": True, "scores": {}}
        for role in ROLES
    ]
    options.append(_option("something-else", "Something else"))
    return {
        "slug": "current-role",
        "section": NOW,
        "text": "Which of these is closest to your job today?",
        "help_text": "We plan your route from here. Pick the nearest match if your title is different.",
        "kind": "single",
        "current_role": True,
        "purpose": "current-role",
        "active": True,
        "options": options,
    }


def _target_roles_question():
    """The roles the person is weighing: at most three, or "not sure". Not scored: the
    result leads with these roles (their direction) before any ranking."""
    options = [
        {"slug": role["slug"], "label": role["name"], "role": role["slug"], "active": True, "scores": {}}
        for role in ROLES
        if role["family"] != "origin"
    ]
    options.append(_option("not-sure", "Not sure yet: show me what fits", exclusive=True))
    return _question(
        "target-roles",
        GOALS,
        "Which roles are you weighing for your next move?",
        "multiple",
        options,
        "Choose up to three. Your result starts with these roles: how you fit them today, what is "
        "missing and the route there.",
        purpose="target-roles",
    )


def _intent_questions():
    """Where the person wants to go, asked in every quiz. They shape the advice (which
    directions are worth a look, the route's horizon), not the match: the questions of
    the last section measure how much a person wants to manage."""
    return [
        _question(
            "manage-or-ic",
            GOALS,
            "In your next job, do you want to manage people?",
            "single",
            [
                _option("hands-on", "No: I want to stay an individual contributor"),
                _option("either", "I'm open to either"),
                _option("manage", "Yes: I want people reporting to me"),
            ],
            purpose="intent",
        ),
        _question(
            "company-stage",
            GOALS,
            "What kind of organisation would you like to work in next?",
            "single",
            [
                _option("startup", "A startup (up to about 50 people)"),
                _option("scale-up", "A growing company or scale-up"),
                _option("large", "A large company"),
                _option("public", "The public sector or a non-profit"),
                _option("no-preference", "No preference"),
            ],
            purpose="intent",
        ),
        _question(
            "horizon",
            GOALS,
            "When would you like to be in your next role?",
            "single",
            [
                _option("within-year", "Within a year"),
                _option("one-to-three", "In one to three years"),
                _option("longer", "Later than that: I'm planning ahead"),
            ],
            purpose="intent",
        ),
    ]


# The checklist of things done recently: plan steps point at these options
# ("done-recently/<slug>") to show a step the person has already done.
DONE_RECENTLY = [
    ("product-course", "Completed a product management course or certificate", {}),
    (
        "internship",
        "Did an internship or a stint in a product, project or design team",
        {"delivery-execution": 1},
    ),
    ("side-project", "Shipped a product, app or side project of my own", {"delivery-execution": 2}),
    ("internal-move", "Changed role inside my company (an internal transfer)", {}),
    ("found-sponsor", "Found a mentor or sponsor who does the job I want next", {}),
    (
        "pm-certificate",
        "Earned a project-management certificate (PMP, PRINCE2 or similar)",
        {"planning-control": 2},
    ),
    (
        "led-initiative",
        "Led an initiative that several teams delivered together",
        {"cross-team-coordination": 3},
    ),
    (
        "ran-hiring",
        "Ran a hiring process: the role, the interviews and the decision",
        {"people-leadership": 2},
    ),
    (
        "public-voice",
        "Spoke at a conference or wrote publicly about my work",
        {"stakeholder-communication": 2},
    ),
    ("board", "Presented to a board of directors", {"managing-up": 3}),
]


def _done_recently():
    options = [_option(slug, label, scores) for slug, label, scores in DONE_RECENTLY]
    options.append(_option("none-yet", "None of these yet", exclusive=True))
    return _question(
        "done-recently",
        NOW,
        "Which of these have you done in the last three years?",
        "multiple",
        options,
        "Choose all that apply. Your plan marks these steps as done; an item you have not done counts for nothing.",
    )


def questions():
    return [
        _current_role_question(),
        ladder(
            "years-experience",
            NOW,
            "How many years have you worked in product, project or program management?",
            "experience-years",
            [
                ("under-3", "Less than 3 years, or none yet"),
                ("3-5", "3 to 5 years"),
                ("6-9", "6 to 9 years"),
                ("10-14", "10 to 14 years"),
                ("15-plus", "15 years or more"),
            ],
            help_text="Count product, project and program roles only; the next question asks about related work.",
        ),
        ladder(
            "adjacent-years",
            NOW,
            "How many years have you worked in related work such as engineering, design, analysis or consulting?",
            "related-years",
            [
                ("none", "None"),
                ("under-3", "Less than 3 years"),
                ("3-5", "3 to 5 years"),
                ("6-9", "6 to 9 years"),
                ("10-plus", "10 years or more"),
            ],
            help_text="Related years help you move into product work; they are not counted as years in product.",
        ),
        ladder(
            "widest-scope",
            NOW,
            "What is the widest scope you have been responsible for so far?",
            "scope-held",
            [
                ("own-tasks", "My own tasks, or my studies"),
                ("one-product", "One product, one project or one team's backlog"),
                ("several-teams", "Several teams, or a programme of related projects"),
                ("product-line", "A product line or domain, or the whole product of a small company"),
                ("all-lines", "Every product line of a company that has several"),
            ],
        ),
        ladder(
            "people-reporting",
            NOW,
            "How many people report to you as their line manager today, or did at most in a past job?",
            "people-managed",
            [
                ("nobody", "Nobody"),
                ("one-to-three", "One to three people"),
                ("team", "A team of four to ten"),
                ("managers", "Managers who lead their own teams"),
                ("organisation", "An organisation with several layers of managers"),
            ],
            help_text="Count line reports only: people whose hiring, reviews and growth you own, not project team members.",
        ),
        _done_recently(),
        _target_roles_question(),
        *_intent_questions(),
        ladder(
            "customer-contact",
            SKILLS,
            "How often do you talk with customers or users about their problems?",
            "customer-insight",
            [
                ("rarely", "Rarely or never"),
                ("when-arranged", "A few times a year, when someone else arranges it"),
                ("monthly", "About once a month, for my own work"),
                ("every-week-or-two", "Every week or two, and I set up the conversations myself"),
                ("coach-others", "Every week, and I train others to run these conversations"),
            ],
        ),
        scenario(
            "unused-feature",
            SKILLS,
            "A feature your team shipped last month is hardly used. What do you do first?",
            [
                ("usage-data", "Pull the usage data to see where people drop off", {"data-metrics": 3}),
                ("call-users", "Call a handful of people who tried it", {"customer-insight": 3}),
                (
                    "check-flow",
                    "Go through the flow with the designer and test it with users",
                    {"ux-design": 3},
                ),
                (
                    "ask-sales",
                    "Ask sales and support what customers say about it",
                    {"stakeholder-communication": 2, "customer-insight": 2},
                ),
                (
                    "keep-or-remove",
                    "Decide whether to improve it or remove it, and tell the team why",
                    {"decision-making": 3},
                ),
            ],
            na="I haven't worked on a shipped product yet",
        ),
        # Kept as it was (its first moves score skills) until the editor's tests that use
        # its columns move to a fixture of their own; the other scenarios score wishes.
        statement(
            "customer-evidence",
            SKILLS,
            "When I propose something new, I can point to what specific customers or users told me.",
            "customer-insight",
            na="I don't propose what gets built",
        ),
        ladder(
            "made-a-difference",
            SKILLS,
            "How do you find out whether something you worked on made a difference?",
            "data-metrics",
            [
                ("dont-find-out", "I usually don't find out"),
                ("people-tell-me", "People tell me, or we hear feedback"),
                ("dashboard", "I check a dashboard that someone else built"),
                ("target-before", "I set a target metric before we start and check it myself afterwards"),
                (
                    "measurement-practice",
                    "I design experiments and decide how my organisation measures success",
                ),
            ],
        ),
        statement(
            "own-queries",
            SKILLS,
            "I answer my own questions with data (a query, a spreadsheet model or an analytics tool) without waiting for an analyst.",
            "data-metrics",
        ),
        ladder(
            "two-years-out",
            SKILLS,
            "Someone asks where your product or area should be in two years. What could you show them today?",
            "product-strategy",
            [
                ("nothing-written", "Nothing written: that is decided above me"),
                ("idea-list", "A list of ideas and requests"),
                ("quarter-roadmap", "A roadmap for the next few quarters"),
                (
                    "written-strategy",
                    "A written strategy: our bets, what we won't do, and how it ties to company goals",
                ),
                (
                    "multi-year",
                    "A multi-year strategy across several products that leadership uses to decide investment",
                ),
            ],
            na="I don't look after a product or an area",
        ),
        statement(
            "explain-strategy",
            SKILLS,
            "I could explain in two minutes how my work ties to my company's strategy.",
            "product-strategy",
            na="I'm not working in a company right now",
        ),
        ladder(
            "release-part",
            SKILLS,
            "What is your part in getting a release or a deliverable out of the door?",
            "delivery-execution",
            [
                ("not-my-part", "Releases aren't part of my work"),
                ("test-feedback", "I test it and give feedback"),
                ("spec-and-follow", "I write what is needed and answer the team's questions until it ships"),
                ("run-release", "I run it from specification to launch checklist and the review afterwards"),
                ("set-process", "I set how our teams ship and change the process when releases go wrong"),
            ],
        ),
        statement(
            "spec-questions",
            SKILLS,
            "Engineers can build from what I write without coming back with many questions.",
            "delivery-execution",
            na="I don't write for engineers",
        ),
        ladder(
            "team-backlog",
            SKILLS,
            "Who looks after your team's backlog, and what is your part in it?",
            "backlog-management",
            [
                ("never-see-it", "We have none, or I never see it"),
                ("add-requests", "Someone else keeps it; I add requests"),
                ("keep-ordered", "I keep it ordered and write items with acceptance criteria"),
                (
                    "own-it",
                    "I own it: ordered by value toward a product goal and refined ahead with the team",
                ),
                ("coach-owners", "I own it, and I coach other product owners on how to keep theirs"),
            ],
            na="My work has no team backlog",
        ),
        statement(
            "stories-ready",
            SKILLS,
            "The developers I work with agree that my backlog items are clear enough to start on.",
            "backlog-management",
            na="I don't write backlog items",
        ),
        ladder(
            "explain-outside",
            SKILLS,
            "How often do you explain technical or complex topics to people outside your field, such as sales, customers or executives?",
            "stakeholder-communication",
            [
                ("rarely", "Rarely"),
                ("sometimes-hard", "Sometimes, and I find it hard"),
                ("own-work", "Regularly, about my own work"),
                (
                    "translator",
                    "Often: people come to me to translate between the technical side and the business",
                ),
                ("speak-for", "It is the core of my job: I speak for whole departments to the company"),
            ],
        ),
        statement(
            "know-where-it-stands",
            SKILLS,
            "The people who depend on my work always know where it stands without having to ask.",
            "stakeholder-communication",
        ),
        ladder(
            "technical-background",
            SKILLS,
            "Which best describes your technical background?",
            "technical-fluency",
            [
                ("none", "No technical background so far"),
                ("basic-terms", "I know the basic terms"),
                ("follow", "I can follow architecture discussions and ask good questions"),
                ("built-software", "I have built software or worked closely on technical designs"),
                ("engineer", "I have worked as a software engineer and can still read production code"),
            ],
        ),
        ladder(
            "migration",
            SKILLS,
            'An engineer says a change needs "a database migration and a new API version". What do you make of it?',
            "technical-fluency",
            [
                ("lost", "Not much, honestly"),
                ("plain-words", "I would ask them to explain it in plain words"),
                ("bigger", "I see it is bigger than it sounds and ask what it means for the schedule"),
                (
                    "options",
                    "I would discuss the options and their risks, such as keeping the old version running for a while",
                ),
                ("review", "I could review the change myself"),
            ],
        ),
        ladder(
            "money-side",
            SKILLS,
            "How well do you know the money side of your work?",
            "business-acumen",
            [
                ("dont-know", "I don't know how my work affects revenue or cost"),
                ("roughly", "I know roughly what the company sells and to whom"),
                ("revenue-costs", "I know my product's revenue and main costs"),
                ("business-cases", "I build business cases and track my area's revenue or cost"),
                ("pricing-investment", "I decide pricing, or where the company invests across products"),
            ],
        ),
        statement(
            "unit-economics",
            SKILLS,
            "For the product I work on, I could explain what a customer costs to win and to serve, and what they bring in.",
            "business-acumen",
            na="I don't work on a product",
        ),
        ladder(
            "developing-people",
            SKILLS,
            "How much of your week goes into developing other people: one-to-ones, feedback, coaching or hiring?",
            "people-leadership",
            [
                ("none", "None"),
                ("now-and-then", "An hour now and then, helping newcomers"),
                ("mentoring", "A regular mentoring slot with one or two people"),
                ("one-to-ones", "A good part of every week: one-to-ones and growth plans for my team"),
                ("managers", "Most of it: I develop managers and the way we grow people"),
            ],
        ),
        statement(
            "grown-into-roles",
            SKILLS,
            "People I have coached or managed have grown into bigger roles.",
            "people-leadership",
            na="I haven't coached or managed anyone yet",
        ),
        ladder(
            "teams-depend",
            SKILLS,
            "How many teams depend on your decisions or plans today?",
            "cross-team-coordination",
            [
                ("none", "None: I mostly work on my own"),
                ("my-team", "Just my own team"),
                ("two-three", "Two or three teams"),
                ("programme", "A department, or a programme of several projects"),
                ("many-departments", "Many departments across the company"),
            ],
        ),
        scenario(
            "shared-specialist",
            SKILLS,
            "Two teams need the same specialist in the same week, and both deadlines are real. What do you do?",
            [
                (
                    "replan-together",
                    "Get both leads together, agree who goes first and re-plan the work that depends on it",
                    {"product-direction": 2},
                ),
                (
                    "schedule-and-risk",
                    "Update the schedule and the risk log, then tell the sponsors what will slip",
                    {"product-direction": 1},
                ),
                (
                    "decide-by-value",
                    "Decide myself by which deadline matters more to customers, and explain why",
                    {"product-direction": 4},
                ),
                (
                    "take-to-owners",
                    "Take it to the executives who own both priorities, with a recommendation",
                    {"strategic-focus": 3},
                ),
                (
                    "find-cover",
                    "Find someone else who can cover one of the tasks, and pair them with the specialist",
                    {"strategic-focus": 1},
                ),
            ],
            na="Nothing like this comes up in my work",
        ),
        ladder(
            "fixed-date",
            SKILLS,
            "How do you plan work that must land by a fixed date?",
            "planning-control",
            [
                ("start", "I start and adjust as I go"),
                ("todo", "With a to-do list"),
                ("milestones", "With a timeline and milestones"),
                ("critical-path", "With a schedule, a critical path, a budget and risks, tracked every week"),
                ("standard", "I set the planning standard for several projects and control their budgets"),
            ],
        ),
        statement(
            "budget-actuals",
            SKILLS,
            "I track budget against actuals and re-plan early when a date is at risk.",
            "planning-control",
            na="I don't work with budgets or delivery dates",
        ),
        scenario(
            "competing-demands",
            SKILLS,
            "Sales, support and engineering each want something different this quarter, and you can't do it all. What do you do?",
            [
                (
                    "score-and-decide",
                    "Score the requests with a prioritisation method, decide within days and explain the trade-offs",
                    {"product-direction": 4},
                ),
                (
                    "back-to-strategy",
                    "Go back to the strategy and pick what moves our main goal, even if one team is unhappy",
                    {"strategic-focus": 3},
                ),
                (
                    "options-for-sponsor",
                    "Lay out the options with their costs and risks for the sponsor to decide",
                    {"product-direction": 1},
                ),
                (
                    "find-the-core",
                    "Find out what each group really needs and plan to deliver the critical part of each",
                    {"product-direction": 3},
                ),
                (
                    "check-data",
                    "Check the data on which request affects the most customers",
                    {"product-direction": 3},
                ),
            ],
            na="I don't have a say in priorities",
        ),
        ladder(
            "priority-calls",
            SKILLS,
            "In the last year, how often did you make a call on priorities or scope that others then followed?",
            "decision-making",
            [
                ("rarely", "Rarely: others make those calls"),
                ("with-approval", "A few times, after my manager approved"),
                ("own-area", "Regularly, within my own product, project or team"),
                ("across-teams", "Often, including calls that several teams follow"),
                ("set-how", "I set how my organisation makes these decisions"),
            ],
        ),
        statement(
            "make-the-call",
            SKILLS,
            "When people disagree, I make the call quickly and can explain why.",
            "decision-making",
        ),
        ladder(
            "risk-shaped",
            SKILLS,
            "How much have regulation, security or delivery risk shaped your work?",
            "compliance-risk",
            [
                ("not-at-all", "Not at all so far"),
                ("aware", "I know some rules apply"),
                ("follow-checks", "I follow the risk and compliance checks for my area"),
                ("run-reviews", "I run risk reviews and keep a risk register"),
                ("set-approach", "I set the risk and compliance approach for several teams"),
            ],
        ),
        statement(
            "before-go-live",
            SKILLS,
            "Before a launch or go-live, I work out what could go wrong (security, legal, safety, delivery) and plan for it.",
            "compliance-risk",
            na="I haven't been part of a launch",
        ),
        ladder(
            "with-design",
            SKILLS,
            "How do you work with design?",
            "ux-design",
            [
                ("dont", "I don't, so far"),
                ("feedback", "I give feedback on finished designs"),
                ("sketch-review", "I sketch flows and review prototypes with the designer"),
                ("usability-tests", "I run usability tests and shape the flows together with design"),
                ("lead-design", "I lead research and design myself"),
            ],
        ),
        statement(
            "confusing-screen",
            SKILLS,
            "I notice when a screen is confusing, and I can say how to fix it.",
            "ux-design",
        ),
        ladder(
            "executives",
            SKILLS,
            "How do you work with your company's executives?",
            "managing-up",
            [
                ("not-yet", "I don't, so far"),
                ("with-manager", "I have presented once or twice, with my manager"),
                ("few-times", "I present on my area a few times a year"),
                ("decisions", "I regularly bring them proposals and get decisions made"),
                ("member", "I am a member of the executive team and answer to the board"),
            ],
        ),
        statement(
            "exec-backing",
            SKILLS,
            "I know how to win executives' support for a plan before the meeting where it is decided.",
            "managing-up",
            na="I don't work with executives",
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
            "Do you want to manage people in your next job?",
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
                ("mostly-hands-on", "Mostly day-to-day, with some planning"),
                ("half-half", "Half hands-on, half strategy"),
                ("mostly-strategy", "Mostly strategy and leadership, with some hands-on work"),
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
            "accountable-for",
            WANTS,
            "What would you most like to be accountable for?",
            "product-direction",
            [
                ("on-time-budget", "That a committed plan lands on time and on budget"),
                ("teams-deliver", "That several teams deliver together as planned"),
                ("both", "Both: that we deliver, and that what we deliver is worth it"),
                ("worth-building", "That each increment the team builds is worth building"),
                ("what-and-why", "That the product wins: what we build and why"),
            ],
        ),
        statement(
            "decide-what",
            WANTS,
            "I'd rather decide what gets built than make sure it gets built.",
            "product-direction",
        ),
        statement(
            "hire-managers",
            WANTS,
            "I'd like to hire and coach managers, not only people who do the work themselves.",
            "people-management",
        ),
    ]
