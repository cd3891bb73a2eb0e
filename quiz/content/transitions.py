"""Default transitions between roles, in our own words after the public sources each lists.

Each transition has a typical duration in whole months (``months``) and one sentence saying
where the number comes from (``months_basis``: a named source, or "our estimate" with the
reasoning: the page a job seeker reads never carries an internal marker), a short summary, its sources and 3–6 steps in the order a person would
take them. The first step is always something a person can do in the next 30 days.

A step can be shown as already done from the person's answers, in at most one way:

- ``done_when="done-recently/<option>"``: the person ticked that item of the "done
  recently" checklist (``DONE_RECENTLY`` in questions.py);
- ``competency`` with ``done_at_level=N``: the person's measured level of that competency
  is at least N (see the competency's ``level_labels``).

Steps are only marked where the answer really proves the step. Lateral and step-back moves
say what the person gives up and why people choose them anyway.
"""


def step(title, detail, competency=None, resource_url="", done_when="", done_at_level=None):
    return {
        "title": title,
        "detail": detail,
        "competency": competency,
        "resource_url": resource_url,
        "done_when": done_when,
        "done_at_level": done_at_level,
    }


# Sources, as "Title: URL".
SRC_SCRUM = "Scrum Guide 2020 (Schwaber, Sutherland): https://scrumguides.org/docs/scrumguide/v2020/2020-Scrum-Guide-US.pdf"
SRC_SAFE = (
    "SAFe Product Owner and Product Management roles: https://www.scrumscious.com/frameworks/safe/roles/po"
)
SRC_PRODUCTPLAN = (
    "ProductPlan, the product manager career path: https://www.productplan.com/product-manager-career-path/"
)
SRC_PMI_PROGRAM = "PMI, The Standard for Program Management (definitions of program and portfolio, as quoted): https://thelearnnotes.com/blog/understanding-program-and-portfolio-management-in-business"
SRC_BLS_PROJECT = "BLS Occupational Outlook Handbook, project management specialists: https://www.bls.gov/ooh/business-and-financial/project-management-specialists.htm"
SRC_MEHTA = "Ravi Mehta, Product Competency Toolkit: https://www.ravi-mehta.com/toolkit"
SRC_GITLAB_PM = "GitLab handbook, Product Manager role: https://handbook.gitlab.com/handbook/product/product-management/product-manager-role"
SRC_GITLAB_LEADERSHIP = "GitLab job families, product management leadership (Group PM, Director, VP): https://handbook.gitlab.com/job-families/product/product-management-leadership/"
SRC_GITLAB_CPO = "GitLab job family, Chief Product Officer: https://handbook.gitlab.com/job-families/product/chief-product-officer/"
SRC_FINDMYPAST = "Findmypast career progression framework, product (mid, senior, principal): https://github.com/findmypast/career-progression-framework"
SRC_ICAGILE = "ICAgile, The Product Manager Career Path, 29 Mar 2024: https://www.icagile.com/resources/the-product-manager-career-path-how-to-break-into-the-field"
SRC_GOOGLE_APM = (
    "Google Associate Product Manager programme: https://buildyourfuture.withgoogle.com/programs/apm-program/"
)
SRC_IDEAPLAN_APM = (
    "IdeaPlan, Associate Product Manager: https://www.ideaplan.io/glossary/associate-product-manager"
)
SRC_RESONANCE = "Resonance Search, Group PM vs Director of Product vs Head of Product: https://www.resonancesearch.com/compare/group-product-manager-gpm-vs-director-of-product-vs-head-of-product-management"
SRC_RESONANCE_CPO = "Resonance Search, Group PM vs CPO vs Head of Product: https://resonancesearch.com/compare/group-product-manager-gpm-vs-chief-product-officer-cpo-vs-head-of-product-management"
SRC_LAUNCHNOTES = "LaunchNotes, Head of Product vs VP of Product: https://www.launchnotes.com/blog/head-of-product-vs-vice-president-of-product-vp-a-deep-dive-into-strategic-leadership-at-different-altitudes"
SRC_PMP = "PMI PMP eligibility (36 months leading projects and 35 hours of training with a four-year degree): https://www.rosemet.com/pmp-certification-requirements"
SRC_PGMP = "PMI PgMP eligibility (with a four-year degree, 48 months of project and 48 months of programme management experience; without one, 48 months of project and 84 months of programme experience; both within the last 15 years): https://coachproconsulting.com/pgmp-eligibility"
SRC_BABOK = "IIBA, BABOK definition of business analysis: https://www.vanharen.net/shop/categories/enterprise-architecture/babok/"
SRC_TPM = "TPM vs PM: https://arsenii.com/tpm-vs-product-manager.html"
SRC_TPM_2 = "Technical program manager vs product manager: https://thepriyankashinde.com/post/technical-program-manager-vs-product-manager"
SRC_BUILTIN = "Built In, Chief Product Officer: https://builtin.com/learn/careers/chief-product-officer-cpo"
SRC_EXPONENT = "Exponent, from software engineer to product manager: https://tryexponent.com/blog/transition-software-to-product"
SRC_PM_LADDER = "Climbing the PM ladder, when and how to aim for promotion: https://krysthepm.com/2023/09/26/climbing-the-pm-ladder-when-and-how-to-aim-for-promotion"
SRC_PO_TO_PM = "From product owner to product manager: https://yahiahassan.substack.com/p/from-product-owner-to-product-manager"
SRC_AIRFOCUS = "airfocus, What is a CPO (the top product job is also titled Head or VP of Product): https://airfocus.com/glossary/what-is-a-CPO-in-business/"

# Resource links shown next to a step.
URL_SCRUM = "https://scrumguides.org/docs/scrumguide/v2020/2020-Scrum-Guide-US.pdf"
URL_SAFE_PO = "https://www.scrumscious.com/frameworks/safe/roles/po"
URL_GOOGLE_APM = "https://buildyourfuture.withgoogle.com/programs/apm-program/"
URL_CAPM = "https://www.pmi.org/certifications/certified-associate-capm"
URL_PMP = "https://www.pmi.org/certifications/project-management-pmp"
URL_FINDMYPAST = "https://github.com/findmypast/career-progression-framework"
URL_MEHTA = "https://www.ravi-mehta.com/toolkit"

# How common a move is (roles/routes.py prefers the usual ladder when it chooses a route).
USUAL, COMMON, OCCASIONAL = 3, 2, 1

# Checklist items ("done recently") that prove a step.
SPONSOR = "done-recently/found-sponsor"
PM_CERTIFICATE = "done-recently/pm-certificate"
SIDE_PROJECT = "done-recently/side-project"
RAN_HIRING = "done-recently/ran-hiring"
BOARD = "done-recently/board"
PRODUCT_COURSE = "done-recently/product-course"
LED_INITIATIVE = "done-recently/led-initiative"
PUBLIC_VOICE = "done-recently/public-voice"
INTERNSHIP = "done-recently/internship"

# Steps that several routes share.


def find_sponsor(who, detail):
    return step(f"Find a {who} to mentor you", detail, done_when=SPONSOR)


def write_annual_plan():
    return step(
        "Write the annual plan for your area",
        "Write next year's plan for your area with the business goals it serves and what you will not do, and defend it in planning.",
        "product-strategy",
        done_at_level=3,
    )


def run_discovery(detail, title="Run your own customer interviews"):
    return step(title, detail, "customer-insight", done_at_level=3)


def own_a_metric(detail):
    return step("Own a metric, before and after launch", detail, "data-metrics", done_at_level=3)


def certificate_then_apply_for_project_roles():
    """The last two steps of a move from agile delivery into project management."""
    return [
        step(
            "Earn a project certificate",
            "PRINCE2 Foundation or PMI's CAPM now; the PMP once you have 36 months leading projects.",
            "planning-control",
            URL_CAPM,
            done_when=PM_CERTIFICATE,
        ),
        step(
            "Apply for project roles",
            "Apply with your releases written up as projects: scope, schedule, budget, risks and outcome.",
        ),
    ]


def present_to_board(detail):
    return step("Present to the board", detail, "managing-up", done_when=BOARD)


TRANSITIONS = [
    # ------------------------------------------------------------------ entry routes
    {
        "from": "student",
        "to": "associate-pm",
        "months": 9,
        "commonness": USUAL,
        "months_basis": "6–12 months of preparation, our estimate: long enough to ship a small product and go through one application season; Google's two-year APM programme comes after the move and is not counted here.",
        "summary": "Get hired into an associate product manager role or programme: show that you can find a real problem, ship something for it and explain what the numbers said.",
        "sources": [SRC_GOOGLE_APM, SRC_IDEAPLAN_APM, SRC_ICAGILE],
        "steps": [
            step(
                "Interview ten people about one problem",
                "Pick a problem that you or people around you have, talk to ten people who have it this month, and write one page on what you heard.",
                "customer-insight",
            ),
            step(
                "Take one product management course",
                "Choose one course and finish it; if you study one of business, design or data, pick a course that covers the other two.",
                done_when=PRODUCT_COURSE,
            ),
            step(
                "Ship a small product and write the case study",
                "Build something small that real people use, even with no-code tools, and write up the problem, what you built and what the numbers said.",
                "delivery-execution",
                done_when=SIDE_PROJECT,
            ),
            step(
                "Work inside a product team",
                "An internship, a student team or volunteer work with a product, design or engineering team shows you how releases really happen and gives you a reference.",
                "delivery-execution",
                done_when=INTERNSHIP,
            ),
            step(
                "Practise product-sense and metrics interviews",
                "Rehearse out loud with a friend against a timer: design a product for a user, choose the metric that shows it works, explain why that metric fell.",
                "data-metrics",
            ),
            step(
                "Apply to associate programmes and junior roles",
                "Note each programme's application window early; send your case study with every application.",
                resource_url=URL_GOOGLE_APM,
            ),
        ],
    },
    {
        "from": "student",
        "to": "project-manager",
        "months": 18,
        "commonness": USUAL,
        "months_basis": "Our estimate: about a year as a project coordinator or assistant, then a first project of your own; PMI's PMP asks 36 months leading projects (with a four-year degree), so it comes after this move, not before it.",
        "summary": "Start as a project coordinator or assistant, learn how plans, budgets and risks are kept, and take over a project of your own.",
        "sources": [SRC_PMP, SRC_BLS_PROJECT],
        "steps": [
            step(
                "Plan one real project with milestones",
                "Take something you are organising now (a study project, an event, a move), write its tasks, owners, milestones and dates, and check progress against it every week.",
                "planning-control",
                done_at_level=2,
            ),
            step(
                "Earn an entry-level project certificate",
                "PMI's CAPM or PRINCE2 Foundation teaches the vocabulary and shows employers you mean it; the PMP comes later, once you have led projects.",
                "planning-control",
                URL_CAPM,
                done_when=PM_CERTIFICATE,
            ),
            step(
                "Get hired as a project coordinator",
                "Apply for project coordinator, project assistant or project office roles; most industries have them and they are the usual first rung.",
            ),
            step(
                "Keep the risk register and the status report",
                "As coordinator, ask to keep the project's risk register and write the weekly status report to the sponsor yourself.",
                "compliance-risk",
                done_at_level=3,
            ),
            step(
                "Run a small project end to end",
                "Ask your project manager to hand you a small project or workstream with its own schedule and budget, and close it with a written review.",
                "planning-control",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "software-engineer",
        "to": "associate-pm",
        "months": 6,
        "commonness": COMMON,
        "months_basis": "The short end of the 6–24 months our estimate gives for moves from engineering into product: an associate role asks for little product experience, so an internal move can happen within two quarters.",
        "summary": "Enter product at the associate level, often inside your own company. You bring technical depth; the new parts are users, numbers and deciding what to build. For an experienced engineer it is usually a step down in title, taken to learn the craft with a mentor.",
        "sources": [SRC_EXPONENT, SRC_IDEAPLAN_APM],
        "steps": [
            find_sponsor(
                "product manager",
                "Ask a product manager you work with to mentor you and to back an internal move when a slot opens.",
            ),
            step(
                "Sit in on customer conversations",
                "Join three customer interviews, sales or support calls and write down what users struggle with.",
                "customer-insight",
                done_at_level=2,
            ),
            step(
                "Write the specification for a small feature",
                "Write the problem, the success metric and the acceptance criteria for a feature your team builds next, and have your product manager review it.",
                "delivery-execution",
            ),
            step(
                "Read the numbers after launch",
                "Two weeks after the feature ships, pull its usage data and tell the team what it says.",
                "data-metrics",
            ),
            step(
                "Ask for the associate role",
                "Ask for an internal transfer or apply to associate programmes; tell interviewers how you work with users and trade-offs, not only how you build.",
            ),
        ],
    },
    {
        "from": "software-engineer",
        "to": "product-manager",
        "months": 15,
        "commonness": USUAL,
        "months_basis": "6–24 months is our estimate for moves from engineering into product; 15 leaves about a year of product work on your own team before the switch, the internal-transfer route Exponent describes.",
        "summary": "Bring your technical depth into product work. The gap to close is usually customer insight and owning a business outcome rather than a piece of the system.",
        "sources": [SRC_EXPONENT, SRC_GITLAB_PM],
        "steps": [
            find_sponsor(
                "product manager",
                "Ask a product manager to sponsor an internal transfer and to give you product work on your team now.",
            ),
            run_discovery(
                "Run five customer interviews a month on a problem your team owns and bring one change to the backlog from what you heard."
            ),
            step(
                "Write the specification you would otherwise receive",
                "Write the problem, the success metric and the scope for your team's next feature and defend it in refinement.",
                "delivery-execution",
            ),
            own_a_metric(
                "Set the target for a feature before it ships and check it with your own analysis afterwards."
            ),
            step(
                "Make the business case for one feature",
                "Learn what your product earns and costs and write a one-page case for one feature with someone from finance or sales.",
                "business-acumen",
                done_at_level=3,
            ),
            step(
                "Ask for the move",
                "Ask for an open product manager role inside your company, or apply elsewhere with the features you specified and measured as your case studies.",
            ),
        ],
    },
    {
        "from": "software-engineer",
        "to": "product-owner",
        "months": 9,
        "commonness": COMMON,
        "months_basis": "6–24 months is our estimate for moves from engineering into product; the short end, because product owner of a team you know is the nearest step.",
        "summary": "Many engineers start in product as product owner of a team they know. You trade building for deciding what the team builds next, and for saying no.",
        "sources": [SRC_SCRUM, SRC_SAFE, SRC_EXPONENT],
        "steps": [
            step(
                "Shadow your product owner for one sprint",
                "Sit with your product owner through a sprint's refinement, planning and review and note every decision they make and why.",
                "backlog-management",
                URL_SCRUM,
            ),
            step(
                "Write the backlog items for one sprint goal",
                "Write the stories and acceptance criteria for one sprint goal yourself and walk the team through them.",
                "backlog-management",
                done_at_level=2,
            ),
            step(
                "Order the backlog by value",
                "Order the next two sprints by the value each item brings to users, and explain the order to the team and the stakeholders.",
                "backlog-management",
                done_at_level=3,
            ),
            step(
                "Face the stakeholders",
                "Represent the team in stakeholder meetings, weigh competing requests and turn some down with a reason.",
                "decision-making",
                done_at_level=3,
            ),
            step(
                "Ask for the role",
                "Ask to become product owner when your team's product owner moves on or a new team forms.",
            ),
        ],
    },
    {
        "from": "software-engineer",
        "to": "technical-program-manager",
        "months": 12,
        "commonness": USUAL,
        "months_basis": "Our estimate: the skills are close, but the title needs a record of cross-team work, which usually means about a year of coordinating a multi-team technical effort.",
        "summary": "Keep your technical depth and move from building one part to landing programmes across engineering teams: dependencies, sequencing, launch readiness and risk. You give up writing code day to day.",
        "sources": [SRC_TPM, SRC_TPM_2],
        "steps": [
            step(
                "Coordinate your next cross-team change",
                "Pick a change your team cannot ship without another team, map who needs what by when, and run a short weekly sync until it lands.",
                "cross-team-coordination",
                done_at_level=2,
            ),
            step(
                "Plan with a critical path",
                "Build the schedule for that change with its critical path, and report against it weekly to both teams' leads.",
                "planning-control",
                done_at_level=3,
            ),
            step(
                "Run a launch-readiness review",
                "Before the next launch, review risks, monitoring, rollback and support with the people who own each, and keep the open items in a register.",
                "compliance-risk",
                done_at_level=3,
            ),
            step(
                "Lead a programme across several teams",
                "Volunteer to run a migration or platform launch that spans three or more teams, from plan to done.",
                "cross-team-coordination",
                done_when=LED_INITIATIVE,
            ),
            step(
                "Ask for the title",
                "Ask your engineering director for a technical program manager role, or apply with the programme as your case study: what you sequenced, what slipped, how you recovered.",
            ),
        ],
    },
    {
        "from": "ux-designer",
        "to": "associate-pm",
        "months": 6,
        "commonness": COMMON,
        "months_basis": "The short end of the 6–24 months our estimate gives for moves from design into product: an associate role asks for little product experience.",
        "summary": "Enter product at the associate level. Your research and design are a strong start; the new parts are numbers, the business and the backlog. For an experienced designer it is usually a step down in title, taken to learn the craft with a mentor.",
        "sources": [SRC_GITLAB_PM, SRC_IDEAPLAN_APM],
        "steps": [
            step(
                "Put a number on the design you are working on",
                "Write down the metric your current design should move and by how much, and agree it with the product manager.",
                "data-metrics",
            ),
            find_sponsor(
                "product manager", "Ask a product manager to mentor you and to back a move when a slot opens."
            ),
            step(
                "Learn the money side",
                "Ask your product manager or finance to walk you through what the product earns and costs.",
                "business-acumen",
                done_at_level=2,
            ),
            step(
                "Write and refine backlog items",
                "Write the stories and acceptance criteria for one feature and take them through refinement with the engineers.",
                "backlog-management",
                done_at_level=2,
            ),
            step(
                "Apply for the associate role",
                "Ask for an internal transfer or apply to associate programmes with a case study that shows the metric and the result, not only the screens.",
            ),
        ],
    },
    {
        "from": "ux-designer",
        "to": "product-manager",
        "months": 15,
        "commonness": USUAL,
        "months_basis": "6–24 months is our estimate for moves from design into product; 15 leaves a year to show you can own numbers and trade-offs, the gaps our notes name for designers.",
        "summary": "Bring your knowledge of users. The gaps to close are usually data and the business, and owning what gets built rather than how it looks and works.",
        "sources": [SRC_GITLAB_PM, SRC_MEHTA],
        "steps": [
            own_a_metric(
                "Before your next design ships, write down the metric it should move and the expected result, and check it yourself after launch."
            ),
            find_sponsor(
                "product manager",
                "Ask a product manager to sponsor an internal move and to share decisions with you now.",
            ),
            step(
                "Build a business case",
                "Build the case for one design change with someone from finance: what it costs, what it should bring in.",
                "business-acumen",
                done_at_level=3,
            ),
            step(
                "Own prioritisation for a quarter",
                "Ask to order one area's backlog for a quarter and explain what you left out and why.",
                "decision-making",
                done_at_level=3,
            ),
            step(
                "Ask for the move",
                "Ask for a product manager role inside your company or apply elsewhere with case studies that show the metric, the trade-off and the result.",
            ),
        ],
    },
    {
        "from": "business-analyst",
        "to": "product-owner",
        "months": 9,
        "commonness": USUAL,
        "months_basis": "6–24 months is our estimate for moves from analysis into product; the short end, because requirements work is close to the product owner's backlog.",
        "summary": "You already write requirements and stories. The change is from documenting what stakeholders ask for to deciding, on your own authority, what the team builds next and why.",
        "sources": [SRC_BABOK, SRC_SCRUM, SRC_SAFE],
        "steps": [
            step(
                "Draft a product goal",
                "Write a one-sentence product goal for the product you analyse and test it with the people who would have to work toward it.",
                "product-strategy",
                URL_SCRUM,
            ),
            step(
                "Take a product owner course",
                "A short course such as Scrum.org's PSPO or Scrum Alliance's CSPO gives you the vocabulary; many enterprises ask for one.",
                done_when=PRODUCT_COURSE,
            ),
            step(
                "Order a backlog by value",
                "Ask to order one team's backlog for the next sprints by value to users, not by who asked first, and explain the order to stakeholders.",
                "backlog-management",
                done_at_level=3,
            ),
            step(
                "Make the calls yourself",
                "When two stakeholders want different things, decide and write down why instead of escalating.",
                "decision-making",
                done_at_level=3,
            ),
            step(
                "Run the sprint review",
                "Show the increment to stakeholders, accept or reject the work against the goal, and adjust the backlog in the room.",
                "delivery-execution",
            ),
        ],
    },
    {
        "from": "business-analyst",
        "to": "product-manager",
        "months": 15,
        "commonness": COMMON,
        "months_basis": "6–24 months is our estimate for moves from analysis into product; longer than to product owner because the gap, strategy and direct contact with customers, takes a year or more to show.",
        "summary": "Build on your communication and requirements skills. The gaps to close are usually strategy, direct contact with customers and owning an outcome rather than a specification.",
        "sources": [SRC_BABOK, SRC_GITLAB_PM],
        "steps": [
            run_discovery(
                "Interview five end users of the product you analyse this month, not the internal people who speak for them, and act on one finding."
            ),
            find_sponsor(
                "product manager",
                "Ask a product manager to sponsor a move and to let you take on product decisions in their area now.",
            ),
            step(
                "Write a one-page strategy",
                "Write who the product is for, what problem it solves, how it wins and what it will not do, and defend it with your manager.",
                "product-strategy",
                done_at_level=3,
            ),
            own_a_metric(
                "Take responsibility for one business outcome: set its target and report it monthly."
            ),
            step(
                "Ask for the move",
                "Ask for a product manager role inside your company, or apply with the strategy and the outcome as your case study.",
            ),
        ],
    },
    {
        "from": "business-analyst",
        "to": "project-manager",
        "months": 12,
        "commonness": COMMON,
        "months_basis": "Our estimate: analysts already work inside projects, so a year covers running the plan, budget and risks; PMI's PMP asks 36 months leading projects (with a four-year degree), so it usually comes after the move.",
        "summary": "You already work inside projects. The move is to owning the plan, the budget and the risks, and being the one who reports to the sponsor.",
        "sources": [SRC_PMP, SRC_BLS_PROJECT],
        "steps": [
            step(
                "Plan your workstream with a critical path",
                "Build the schedule for the workstream you analyse with its critical path, and report against it every week.",
                "planning-control",
            ),
            step(
                "Keep the risk register",
                "Ask to keep the project's risk register and run a short risk review before each milestone.",
                "compliance-risk",
                done_at_level=3,
            ),
            step(
                "Track the budget against actuals",
                "Ask the project manager to let you track the budget and explain variances to them each month.",
                "planning-control",
                done_at_level=3,
            ),
            step(
                "Earn a project certificate",
                "PRINCE2 Foundation or PMI's CAPM now; the PMP once you have 36 months leading projects.",
                "planning-control",
                URL_CAPM,
                done_when=PM_CERTIFICATE,
            ),
            step(
                "Lead a small project",
                "Ask to lead a small project from plan to closure report, then apply for project manager roles with it.",
            ),
        ],
    },
    {
        "from": "data-analyst",
        "to": "associate-pm",
        "months": 6,
        "commonness": COMMON,
        "months_basis": "The short end of the 6–24 months our estimate gives for moves from analysis into product: an associate role asks for little product experience.",
        "summary": "Enter product at the associate level. Your data skills are a head start; the gaps are shipping with a team and explaining findings so people act on them.",
        "sources": [SRC_MEHTA, SRC_IDEAPLAN_APM],
        "steps": [
            step(
                "Turn one analysis into a decision",
                "Take your latest product analysis to the product manager who owns the area, with a recommendation, and follow it until something changes.",
                "stakeholder-communication",
                done_at_level=3,
            ),
            find_sponsor(
                "product manager", "Ask a product manager to mentor you and to back a move when a slot opens."
            ),
            step(
                "Talk to the users behind the numbers",
                "For your next analysis, talk to five users whose behaviour it describes and add what they said.",
                "customer-insight",
                done_at_level=2,
            ),
            step(
                "Help ship a feature",
                "Join a product team for one feature: write its acceptance criteria and measurement plan and stay with it until it ships.",
                "delivery-execution",
                done_at_level=2,
            ),
            step(
                "Apply for the associate role",
                "Ask for an internal transfer or apply to associate programmes with the feature as your case study.",
            ),
        ],
    },
    {
        "from": "data-analyst",
        "to": "product-manager",
        "months": 15,
        "commonness": USUAL,
        "months_basis": "6–24 months is our estimate for moves from analysis into product; 15 leaves a year to show delivery and communication, the gaps our notes name for analysts.",
        "summary": "Bring your data skills. The gaps to close are usually delivery with a team, talking to users, and getting people to act on what you find.",
        "sources": [SRC_MEHTA, SRC_GITLAB_PM],
        "steps": [
            step(
                "Turn one analysis into a decision",
                "Present your latest analysis to non-technical stakeholders with a recommendation and get a decision out of the meeting.",
                "stakeholder-communication",
                done_at_level=3,
            ),
            run_discovery(
                "Pair every analysis with conversations with the users behind it, five a month, and change one priority because of them."
            ),
            find_sponsor(
                "product manager",
                "Ask a product manager to sponsor a move and to give you a feature of your own to drive.",
            ),
            step(
                "Ship a feature end to end",
                "Drive a small feature from specification to launch with an engineering team, including the launch checklist and the review afterwards.",
                "delivery-execution",
                done_at_level=3,
            ),
            step(
                "Decide, don't only recommend",
                "Own the priorities of a small area for a quarter and explain the trade-offs to the people whose requests lost.",
                "decision-making",
                done_at_level=3,
            ),
            step(
                "Ask for the move",
                "Ask for a product manager role inside your company, or apply with the feature and its numbers as your case study.",
            ),
        ],
    },
    {
        "from": "consultant",
        "to": "product-manager",
        "months": 9,
        "commonness": USUAL,
        "months_basis": "Our estimate: consultants bring strategy, analysis and executive communication, so the gap is hands-on delivery with a team; about nine months covers building that evidence and the search.",
        "summary": "You bring structured analysis, business sense and executive contact. The new part is living with one product for years: shipping with a team sprint after sprint and owning results, not recommendations. You give up the variety of client work.",
        "sources": [SRC_PRODUCTPLAN, SRC_GITLAB_PM],
        "steps": [
            run_discovery(
                "On your current engagement, interview five of the client's end users (not their managers) and change one recommendation because of what you heard."
            ),
            step(
                "Learn how software is built",
                "Spend a sprint with an engineering team, or take a short course on how software is designed, built and released, until you can follow their discussions.",
                "technical-fluency",
                done_at_level=2,
            ),
            step(
                "Ship something yourself",
                "Ship a small product of your own, or stay on a digital engagement through launch, writing the specifications yourself.",
                "delivery-execution",
                done_at_level=2,
            ),
            find_sponsor(
                "product manager",
                "Find a product manager, often at a former client, who will tell you about openings and vouch for you.",
            ),
            step(
                "Apply with product case studies",
                "Rewrite two engagements as product stories: the user problem, what was built, the metric that moved.",
            ),
        ],
    },
    {
        "from": "consultant",
        "to": "program-manager",
        "months": 12,
        "commonness": COMMON,
        "months_basis": "Our estimate: consultants often run client programmes already, so a year covers moving in-house; PMI's PgMP asks 48 months of programme experience on top of 48 months of project experience, which most people gain in the role, after the move.",
        "summary": "Move from advising on change to running it in-house: a set of related projects, their dependencies and risks, for years rather than for one engagement.",
        "sources": [SRC_PMI_PROGRAM, SRC_PGMP, SRC_PMP],
        "steps": [
            step(
                "Map the dependencies on your engagement",
                "Map the dependencies between the workstreams of your current engagement this month and review them weekly with the leads.",
                "cross-team-coordination",
                done_at_level=3,
            ),
            step(
                "Keep a programme risk register",
                "Keep one risk register across the workstreams and review it with the client's sponsor each month.",
                "compliance-risk",
                done_at_level=3,
            ),
            step(
                "Control schedule and budget",
                "Build and control the integrated schedule and budget of a multi-workstream engagement, not only its recommendations.",
                "planning-control",
                done_at_level=3,
            ),
            step(
                "Lead an implementation to the end",
                "Ask for an engagement where you lead delivery across several teams until the benefits land.",
                "cross-team-coordination",
                done_when=LED_INITIATIVE,
            ),
            step(
                "Earn the PMP",
                "The PMP asks 36 months leading projects with a four-year degree, and client engagements you led count; the PgMP comes later.",
                "planning-control",
                URL_PMP,
                done_when=PM_CERTIFICATE,
            ),
        ],
    },
    {
        "from": "consultant",
        "to": "project-manager",
        "months": 6,
        "commonness": COMMON,
        "months_basis": "Our estimate: many consultants already run engagements as projects, so the move is mostly a search; allow longer if you need a certificate first.",
        "summary": "You have run engagements; the move is to owning one project's plan, budget and risks inside a company. It is often a narrower job than consulting: you give up variety and the strategic end of the work, and people choose it for stability and seeing one delivery through.",
        "sources": [SRC_PMP, SRC_BLS_PROJECT],
        "steps": [
            step(
                "Write your engagements up as projects",
                "List the engagements you led with scope, schedule, budget and outcome, the way a project manager's CV shows them.",
            ),
            step(
                "Earn a project certificate",
                "The PMP if you have 36 months leading projects (engagements count), otherwise PRINCE2 Foundation or PMI's CAPM.",
                "planning-control",
                URL_PMP,
                done_when=PM_CERTIFICATE,
            ),
            step(
                "Run one engagement with formal control",
                "Run your next engagement with a baseline schedule, change control and budget against actuals.",
                "planning-control",
                done_at_level=3,
            ),
            step(
                "Apply where certificates count",
                "Regulated industries and public bodies hire many project managers and value consulting experience; target them first.",
            ),
        ],
    },
    {
        "from": "founder",
        "to": "head-of-product",
        "months": 6,
        "commonness": USUAL,
        "months_basis": "Our estimate: founders have done the job in their own company, so the time is mostly the search; LaunchNotes places the role in startups and scale-ups, where a founder's breadth counts most.",
        "summary": "You have run product as part of running a company. As head of product you lead the product and its team but report to a CEO: you give up the final say and the company-level bets, and gain focus on the product.",
        "sources": [SRC_LAUNCHNOTES, SRC_RESONANCE],
        "steps": [
            step(
                "Write up your key product bets",
                "Write two pages on the product decisions that mattered most: what you decided, on what evidence, what happened. It is your main interview material.",
                "product-strategy",
            ),
            find_sponsor(
                "head of product",
                "Talk to heads of product who report to a founder; ask one to mentor you on disagreeing with a CEO and still getting decisions made.",
            ),
            own_a_metric(
                "Define the product metrics a CEO would hold you to, with targets, and review them every two weeks for a quarter."
            ),
            step(
                "Run a structured hiring process",
                "Hire for a product role with a written scorecard, structured interviews and a debrief; the new team will need it.",
                "people-leadership",
                done_when=RAN_HIRING,
            ),
            step(
                "Apply where a first product leader is needed",
                "Target startups hiring their first product leader; ask who decides the roadmap today and how the CEO will let go of it.",
            ),
        ],
    },
    {
        "from": "founder",
        "to": "product-manager",
        "months": 6,
        "commonness": COMMON,
        "months_basis": "Our estimate: founders already do most of a product manager's work; the time is mostly the search.",
        "summary": "A deliberate step into a narrower job: one product area inside someone else's company. You give up the final say, the company-wide view and usually the equity upside; people choose it to learn how a larger product organisation works, for stability, or after a company ends.",
        "sources": [SRC_GITLAB_PM, SRC_LAUNCHNOTES],
        "steps": [
            step(
                "Rewrite your story as product work",
                "Turn your company into two case studies in product terms: a problem you found, what you built, the metric that moved.",
            ),
            step(
                "Learn the team rituals you skipped",
                "Read the Scrum Guide and sit in on a product team's refinement and review to see how planned delivery runs in a larger team.",
                "backlog-management",
                URL_SCRUM,
                done_at_level=2,
            ),
            find_sponsor(
                "product manager",
                "Find a product manager at a company you would join who will tell you how decisions are made there.",
            ),
            step(
                "Apply for a defined scope",
                "Apply for roles with a clear area, and be ready to say in interviews how you will work inside a roadmap you did not set.",
            ),
        ],
    },
    {
        "from": "founder",
        "to": "senior-pm",
        "months": 9,
        "commonness": COMMON,
        "months_basis": "Our estimate: a little longer than founder to product manager, because senior roles want evidence of multi-team work and planning cycles that a small startup may not give.",
        "summary": "Own a large, high-stakes area in a larger company as an individual contributor. Your breadth counts; you give up the final say and must show you can plan yearly and lead several teams through influence, not ownership.",
        "sources": [SRC_GITLAB_PM, SRC_FINDMYPAST],
        "steps": [
            step(
                "Rewrite your story as product work",
                "Turn your company into two case studies in product terms, one of them about a bet that failed and what you learned.",
            ),
            write_annual_plan(),
            step(
                "Show work across several teams",
                "Point to, or take on, an initiative that several teams delivered together without reporting to you.",
                "cross-team-coordination",
                done_when=LED_INITIATIVE,
            ),
            find_sponsor(
                "senior product manager",
                "Find a senior product manager at a company you would join who will explain how their planning cycle and reviews work.",
            ),
            step(
                "Apply for senior roles",
                "Target companies with a product ladder of several levels and map your experience onto their senior-level description before each interview.",
                resource_url=URL_FINDMYPAST,
            ),
        ],
    },
    # ------------------------------------------------------------------ product ladder
    {
        "from": "associate-pm",
        "to": "product-manager",
        "months": 20,
        "commonness": USUAL,
        "months_basis": "18–24 months in 'Climbing the PM ladder'; ICAgile puts the associate band at 0–2 years and Google's APM programme runs two years, so 20 sits inside all three.",
        "summary": "Move from features under guidance to owning a product area: the problem, the metric and a slice of the roadmap are yours.",
        "sources": [SRC_PM_LADDER, SRC_ICAGILE, SRC_GOOGLE_APM, SRC_IDEAPLAN_APM],
        "steps": [
            step(
                "Agree what promotion needs",
                "In your next one-to-one, ask your manager what you must show for promotion and agree one problem, not one feature, that you will own this quarter.",
            ),
            own_a_metric(
                "Set the target for your area's next release yourself and check it with your own analysis."
            ),
            run_discovery(
                "Set up your own customer interviews, five a month, instead of joining your mentor's, and act on what you hear."
            ),
            step(
                "Take over a slice of the roadmap",
                "Own the next two quarters of one area's roadmap and present it to the stakeholders yourself.",
                "product-strategy",
                done_at_level=2,
            ),
            step(
                "Make the trade-offs without your mentor",
                "Decide the scope cuts on your next release yourself and explain them; bring your mentor the result, not the question.",
                "decision-making",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "associate-pm",
        "to": "product-owner",
        "months": 6,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: a sideways move in companies that split the roles; the skills are close, so most of the time is waiting for an opening.",
        "summary": "In companies that split the roles (SAFe and many enterprises) the product owner owns one team's backlog toward a product goal. You give up the rotations and broad exposure of an associate programme; you gain clear authority over one team's work.",
        "sources": [SRC_SCRUM, SRC_SAFE],
        "steps": [
            step(
                "Draft your team's product goal",
                "Write the product goal for your team's next few sprints and test it with your product manager and the developers.",
                "product-strategy",
                URL_SCRUM,
            ),
            step(
                "Order the whole backlog",
                "Ask to own the ordering of the team's backlog toward that goal for a quarter, not only your own features.",
                "backlog-management",
                done_at_level=3,
            ),
            step(
                "Decide between stakeholders",
                "Weigh competing requests yourself, turn some down with a reason, and keep a short log of what you decided.",
                "decision-making",
                done_at_level=3,
            ),
            step(
                "Take a product owner course",
                "A short course such as PSPO or CSPO; many enterprises that split the roles ask for one.",
                done_when=PRODUCT_COURSE,
            ),
        ],
    },
    {
        "from": "product-owner",
        "to": "product-manager",
        "months": 12,
        "commonness": USUAL,
        "months_basis": "6–18 months is our estimate for this move; 12 is the middle.",
        "summary": "Widen from the backlog and the value of each increment to the success of the whole product: customers, business outcomes and strategy.",
        "sources": [SRC_PO_TO_PM, SRC_SAFE],
        "steps": [
            run_discovery(
                "Run five customer interviews this month yourself, outside refinement, and change one backlog item because of what you heard."
            ),
            own_a_metric(
                "Pick a business outcome for your product, set its target and report it instead of velocity or story points."
            ),
            step(
                "Write a one-page strategy for your area",
                "Say who it is for, what problem it solves, how it wins and what you will not do.",
                "product-strategy",
                done_at_level=3,
            ),
            step(
                "Join pricing or go-to-market work",
                "Take part in a pricing or launch decision with marketing and sales.",
                "business-acumen",
            ),
            step(
                "Agree the wider scope",
                "Agree with your manager that you own your area's outcome, not only its backlog, and what a change of title depends on.",
            ),
        ],
    },
    {
        "from": "product-manager",
        "to": "senior-pm",
        "months": 30,
        "commonness": USUAL,
        "months_basis": "24–36 months is our estimate; ICAgile puts product managers at 2–5 years and senior product managers at 5–8, about three years apart.",
        "summary": "From one area to a larger, higher-stakes one with little guidance: yearly plans tied to business goals, initiatives across several teams, and mentoring other product managers.",
        "sources": [SRC_GITLAB_PM, SRC_FINDMYPAST, SRC_ICAGILE],
        "steps": [
            step(
                "Agree what senior means where you work",
                "Get your company's career framework (or Findmypast's as a stand-in) and agree with your manager the two gaps you will close this year.",
                resource_url=URL_FINDMYPAST,
            ),
            step(
                "Lead an initiative across several teams",
                "Ask for an initiative that several teams must deliver together and run it from plan to launch.",
                "cross-team-coordination",
                done_when=LED_INITIATIVE,
            ),
            write_annual_plan(),
            step(
                "Own the business case",
                "Build the business case for your next initiative with finance and own the revenue or cost number it promises.",
                "business-acumen",
                done_at_level=3,
            ),
            step(
                "Present to executives yourself",
                "Present your area's next quarterly review to leadership yourself, with your manager in the room.",
                "managing-up",
                done_at_level=2,
            ),
            step(
                "Mentor a newer product manager",
                "Mentor a newer product manager or an associate for three months with goals you agree at the start.",
                "people-leadership",
                done_at_level=2,
            ),
        ],
    },
    {
        "from": "product-manager",
        "to": "product-owner",
        "months": 6,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: a sideways move with overlapping skills; most of the time is finding the opening, often in an enterprise or a SAFe organisation.",
        "summary": "A sideways move, usually into a company that splits the roles. You hand strategy, roadmap and often customer research to product management and gain depth with one team and clear authority over its backlog; people choose it to be closer to the team and the build, or to enter a large organisation.",
        "sources": [SRC_SCRUM, SRC_SAFE],
        "steps": [
            step(
                "Learn how the target company splits the roles",
                "Read the Scrum Guide and, for SAFe companies, the product owner and product management roles; write down what you would stop owning.",
                resource_url=URL_SAFE_PO,
            ),
            step(
                "Take a product owner course",
                "A short course such as PSPO or CSPO; enterprises that split the roles often ask for one.",
                done_when=PRODUCT_COURSE,
            ),
            step(
                "Own the backlog toward a product goal",
                "Take over refinement for your team for a quarter: two sprints ready, acceptance criteria on every item, the goal stated at each review.",
                "backlog-management",
                done_at_level=3,
            ),
            step(
                "Apply where the split is real",
                "Ask in interviews who owns the roadmap and who talks to customers, so you know which half of your work you give up.",
            ),
        ],
    },
    {
        "from": "product-manager",
        "to": "program-manager",
        "months": 12,
        "commonness": OCCASIONAL,
        "months_basis": "6–18 months is our estimate for moves between product and program management; PMI's PgMP asks 48 months of programme experience, which is gained after the move, not before it.",
        "summary": "Move from the what and why of one product to delivering a set of related projects across teams: schedules, dependencies, risk and sponsors. You give up deciding what gets built; people choose it because they enjoy making many teams land together.",
        "sources": [SRC_PMI_PROGRAM, SRC_PGMP, SRC_TPM],
        "steps": [
            step(
                "Map the dependencies of your next release",
                "List every team your next release depends on, with an owner and a date for each, and review the map with them weekly.",
                "cross-team-coordination",
                done_at_level=2,
            ),
            step(
                "Keep a risk register",
                "Keep a risk register for that work and run a risk review before the release.",
                "compliance-risk",
                done_at_level=3,
            ),
            step(
                "Plan with a critical path and a budget",
                "Build the schedule with its critical path and track the budget against actuals for one initiative.",
                "planning-control",
                done_at_level=3,
            ),
            step(
                "Lead an initiative across several teams",
                "Run an initiative that several teams deliver together, with a joint plan and a weekly sync.",
                "cross-team-coordination",
                done_when=LED_INITIATIVE,
            ),
            step(
                "Earn the PMP",
                "The PMP asks 36 months leading projects with a four-year degree; launches you led may count. The PgMP comes later, in the role.",
                "planning-control",
                URL_PMP,
                done_when=PM_CERTIFICATE,
            ),
        ],
    },
    {
        "from": "product-manager",
        "to": "technical-program-manager",
        "months": 12,
        "commonness": OCCASIONAL,
        "months_basis": "6–18 months is our estimate for moves between product and program work; 12 allows time to deepen technical fluency.",
        "summary": "Move from what and why to how and when across engineering teams. You give up owning the product direction; you keep the cross-team work and go deeper into architecture, sequencing and launch readiness.",
        "sources": [SRC_TPM, SRC_TPM_2],
        "steps": [
            step(
                "Join the technical design reviews",
                "Join the next two design reviews in your area and write down the trade-offs and dependencies you would have to manage.",
                "technical-fluency",
                done_at_level=3,
            ),
            step(
                "Run a launch-readiness review",
                "Before your next launch, review risks, monitoring, rollback and security with the engineers who own each.",
                "compliance-risk",
                done_at_level=3,
            ),
            step(
                "Plan with a critical path",
                "Sequence a multi-team technical change with its critical path and report against it weekly.",
                "planning-control",
                done_at_level=3,
            ),
            step(
                "Lead a technical programme",
                "Run a migration or platform change across several engineering teams from plan to done.",
                "cross-team-coordination",
                done_when=LED_INITIATIVE,
            ),
            step(
                "Ask for the move",
                "Talk to the head of technical program management or an engineering director; the role usually sits in engineering, so your manager changes.",
            ),
        ],
    },
    {
        "from": "senior-pm",
        "to": "principal-pm",
        "months": 30,
        "commonness": USUAL,
        "months_basis": "Our estimate: ICAgile puts senior product managers at 5–8 years and our role notes put principal at 8+, so about two to three years; principal roles exist mostly in larger companies, so openings are rare.",
        "summary": "Stay an individual contributor and take on the company's hardest cross-cutting problem: a platform or a problem that spans product lines, moved through writing, evidence and influence rather than reports.",
        "sources": [SRC_FINDMYPAST, SRC_PRODUCTPLAN, SRC_ICAGILE],
        "steps": [
            step(
                "Find the problem nobody owns",
                "List the problems that cross product lines in your company, ask your director which one they would hand you, and write a one-page framing of it.",
                "product-strategy",
            ),
            step(
                "Write the multi-year direction for it",
                "Write a two- to three-year strategy for that problem, with the investment choices spelled out, and take it to leadership.",
                "product-strategy",
                done_at_level=4,
            ),
            step(
                "Settle a trade-off between teams",
                "Broker a decision between two teams you do not manage that neither could settle alone, and write down how it was made.",
                "decision-making",
            ),
            step(
                "Set a practice other product managers adopt",
                "Introduce one practice others take up, such as a product review format, a specification template or a decision log.",
            ),
            step(
                "Bring executives decisions",
                "Take the decisions your problem needs to the executives yourself, pre-wired with each of them, and get them made.",
                "managing-up",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "senior-pm",
        "to": "group-pm",
        "months": 24,
        "commonness": USUAL,
        "months_basis": "24–36 months is our estimate; the short end, because the step is mostly one new skill, managing product managers, which can start with one report.",
        "summary": "The first management step: lead a small group of product managers, set the group's strategy and connect their areas. You do less product work yourself; your results come through other people.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_RESONANCE],
        "steps": [
            step(
                "Start mentoring a product manager",
                "Tell your director you want to manage, and start mentoring a newer product manager or an associate this month.",
                "people-leadership",
                done_at_level=2,
            ),
            step(
                "Take on a direct report",
                "Ask for one product manager or associate to report to you, with weekly one-to-ones and a written growth plan.",
                "people-managed",
                done_at_level=1,
            ),
            step(
                "Run a hiring process",
                "Lead the hiring of a product manager: the role, the interview loop and the decision.",
                "people-leadership",
                done_when=RAN_HIRING,
            ),
            step(
                "Draft the strategy for the product group",
                "Write the strategy for the group your area belongs to and show where each team fits and what the group will not do.",
                "product-strategy",
            ),
            step(
                "Grow people, not only the product",
                "Run one-to-ones and growth plans for a small team long enough to see someone grow.",
                "people-leadership",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "senior-pm",
        "to": "head-of-product",
        "months": 24,
        "commonness": COMMON,
        "months_basis": "24–36 months is our estimate; LaunchNotes and Resonance Search place the role in startups and scale-ups, where it can come sooner when a company hires its first product leader.",
        "summary": "Become the top product leader of a startup or scale-up: lead a few product managers, own the company-level roadmap and report to the CEO while staying hands-on. You trade a large company's structure and support for breadth and pace.",
        "sources": [SRC_LAUNCHNOTES, SRC_RESONANCE],
        "steps": [
            find_sponsor(
                "head of product",
                "Find a head of product at a startup or scale-up and ask them to mentor you on leading the function.",
            ),
            step(
                "Write the company strategy you would run",
                "Write the one-year product strategy you would propose to a CEO, and review it with a leader who will be honest.",
                "product-strategy",
            ),
            step(
                "Take on a direct report",
                "Ask for one product manager or associate to report to you, with weekly one-to-ones and a written growth plan.",
                "people-managed",
                done_at_level=1,
            ),
            step(
                "Run a hiring process",
                "Lead the hiring of a product manager: the role, the interview loop and the decision.",
                "people-leadership",
                done_when=RAN_HIRING,
            ),
            step(
                "Bring executives decisions",
                "Take one decision your area needs to the leadership team yourself, pre-wired with each member, and get it made.",
                "managing-up",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "principal-pm",
        "to": "director-of-product",
        "months": 24,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: principals already work at director altitude; the gap is managing people, which takes one or two years with a first team.",
        "summary": "You switch tracks: from influence without reports to leading product managers and group product managers with a domain's budget and annual plan. You give up deep work on one hard problem.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_RESONANCE],
        "steps": [
            step(
                "Ask to switch tracks",
                "Tell your director this month that you want to manage, and agree which team you could take on in the next cycle.",
            ),
            step(
                "Manage product managers",
                "Take on one to three product managers, with weekly one-to-ones and a written growth plan for each.",
                "people-managed",
                done_at_level=1,
            ),
            step(
                "Run a hiring process",
                "Lead the hiring of a product manager: the role, the interview loop and the decision.",
                "people-leadership",
                done_when=RAN_HIRING,
            ),
            step(
                "Own a domain's plan and budget",
                "Own the annual plan and the budget for a domain with finance, and review both every quarter.",
                "business-acumen",
            ),
            step(
                "Grow a product manager into a manager",
                "Coach one of your product managers to lead others, starting with a new hire they mentor.",
                "people-leadership",
                done_at_level=4,
            ),
        ],
    },
    {
        "from": "principal-pm",
        "to": "head-of-product",
        "months": 18,
        "commonness": COMMON,
        "months_basis": "Our estimate: mostly the search for a startup or scale-up that wants a strategic product leader, plus a first experience of managing people.",
        "summary": "Lead the product function of a startup or scale-up: you keep the strategy and the hands-on work and add a small team to lead and a CEO to report to. You give up a large company's scale and its platform problems.",
        "sources": [SRC_LAUNCHNOTES, SRC_RESONANCE],
        "steps": [
            find_sponsor(
                "head of product",
                "Find a head of product at a startup and ask what their week looks like and what they wish they had known.",
            ),
            step(
                "Advise a startup",
                "Advise a startup for a few hours a month to find out whether you like deciding with thin data and few people.",
                "decision-making",
            ),
            step(
                "Manage people",
                "Take on one to three direct reports, with weekly one-to-ones and a written growth plan for each.",
                "people-managed",
                done_at_level=1,
            ),
            step(
                "Run a hiring process",
                "Lead the hiring of a product manager: the role, the interview loop and the decision.",
                "people-leadership",
                done_when=RAN_HIRING,
            ),
            step(
                "Apply to startups and scale-ups",
                "Look for companies hiring their first product leader, and ask how the CEO will share the roadmap with you.",
            ),
        ],
    },
    {
        "from": "group-pm",
        "to": "director-of-product",
        "months": 30,
        "commonness": USUAL,
        "months_basis": "24–48 months is our estimate for a group PM or head of product to become a director; GitLab's director leads 4–6 reports, group product managers among them.",
        "summary": "From leading product managers in one group to leading leaders across a domain: group product managers report to you, and you own the domain's annual plan, budget and go-to-market numbers.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_RESONANCE],
        "steps": [
            step(
                "Propose a fix for a cross-group process",
                "Pick a process that hurts several groups, such as planning or launches, and write the proposal to fix it this month.",
                "cross-team-coordination",
            ),
            step(
                "Lead someone who manages",
                "Grow one of your product managers into a manager, or take on a group product manager, and coach them through the first six months.",
                "people-managed",
                done_at_level=3,
            ),
            step(
                "Own the domain's annual plan and budget",
                "Offer to draft your domain's annual plan and budget with your director and finance.",
                "business-acumen",
            ),
            step(
                "Work the go-to-market numbers",
                "Analyse go-to-market metrics with sales and marketing each quarter and change one plan because of them.",
                "data-metrics",
            ),
            step(
                "Bring executives decisions",
                "Take your group's big decisions to the executives yourself and get them made.",
                "managing-up",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "group-pm",
        "to": "head-of-product",
        "months": 18,
        "commonness": COMMON,
        "months_basis": "Our estimate: a group product manager already manages product managers; the time is mostly finding a startup or scale-up that needs its first product leader and learning to report to a CEO.",
        "summary": "Take your management experience to a startup or scale-up and lead the whole product. You gain breadth and a seat next to the CEO; you give up a large company's support (research, analysts, an established process) and may trade some salary for equity.",
        "sources": [SRC_LAUNCHNOTES, SRC_RESONANCE],
        "steps": [
            step(
                "Write the company strategy you would run",
                "Write the one-year product strategy you would propose to a CEO, and review it with a head of product you trust.",
                "product-strategy",
            ),
            find_sponsor(
                "head of product",
                "Talk to heads of product at startups and ask one to mentor you on the CEO relationship.",
            ),
            step(
                "Own a number the CEO cares about",
                "Take responsibility for a revenue or retention number for your group and build the business case behind it.",
                "business-acumen",
                done_at_level=3,
            ),
            step(
                "Bring executives decisions",
                "Take your group's big decisions to the executives yourself and get them made.",
                "managing-up",
                done_at_level=3,
            ),
            step(
                "Apply to startups and scale-ups",
                "Before accepting, check the company's runway and who decides the roadmap today.",
            ),
        ],
    },
    {
        "from": "group-pm",
        "to": "principal-pm",
        "months": 12,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: the skills are already there; principal roles are rare and mostly in larger companies with a dual ladder, so the time is waiting for, or making, the opening.",
        "summary": "Back to the individual-contributor track by choice: you give up your reports and the management path to director, and take on the company's hardest cross-cutting product problem. People choose it because they miss deep product work or prefer influence to management.",
        "sources": [SRC_FINDMYPAST, SRC_PRODUCTPLAN],
        "steps": [
            step(
                "Agree the problem and the handover",
                "Agree with your director this month which cross-cutting problem you would own and who takes over your team.",
            ),
            step(
                "Hand over your team well",
                "Give each product manager's new manager a written handover of their goals and growth plan.",
                "people-leadership",
            ),
            step(
                "Write the multi-year direction",
                "Write a two- to three-year strategy for the problem you will own, with the investment choices spelled out, and take it to leadership.",
                "product-strategy",
                done_at_level=4,
            ),
            step(
                "Lead without authority",
                "Settle a trade-off between teams that do not report to you, and write down how it was made.",
                "decision-making",
            ),
        ],
    },
    {
        "from": "head-of-product",
        "to": "director-of-product",
        "months": 24,
        "commonness": COMMON,
        "months_basis": "24–48 months is our estimate for a head of product or group PM to become a director; the short end, because a head of product already leads the function and the new part is a larger company's scale and process.",
        "summary": "Often a move from a startup's top product job to a domain in a larger company: more people and budget, more process, and a VP or chief product officer above you. You give up being the top product voice; people choose it for scale and a bigger market. Compare scope, not titles: in a large company 'head of product' can already be director level.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_RESONANCE, SRC_LAUNCHNOTES],
        "steps": [
            step(
                "Pick a future manager",
                "Pick the product manager on your team most ready to lead and give them a newer colleague to mentor this month.",
                "people-leadership",
            ),
            step(
                "Lead someone who manages",
                "Grow that product manager into a manager, or hire a group product manager, and coach them through the first six months.",
                "people-managed",
                done_at_level=3,
            ),
            step(
                "Run a formal annual plan and budget",
                "Own a written annual plan and budget with finance, with quarterly reviews against it.",
                "planning-control",
                done_at_level=3,
            ),
            step(
                "Align several product groups",
                "Coordinate the roadmaps of several groups around one domain strategy, with a shared planning session each quarter.",
                "cross-team-coordination",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "head-of-product",
        "to": "vp-product",
        "months": 36,
        "commonness": COMMON,
        "months_basis": "Our estimate: the VP role appears as the organisation grows to several product lines with managers; GitLab's VP role asks 18+ years of experience, 10+ of them managing people including directors, so years often set the pace as much as skills.",
        "summary": "Usually you grow with the company: as the product team becomes an organisation with managers and several product lines, you become its VP. The job becomes the organisation, the portfolio and its rhythm more than the product itself.",
        "sources": [SRC_LAUNCHNOTES, SRC_GITLAB_LEADERSHIP],
        "steps": [
            step(
                "Sketch the organisation in 18 months",
                "Sketch how the product team should look in a year and a half: the groups, their leaders, the hires, and who could grow into each role.",
                "people-leadership",
            ),
            step(
                "Hire or grow managers",
                "Put group product managers or directors in place and delegate whole areas to them.",
                "people-managed",
                done_at_level=3,
            ),
            step(
                "Set a multi-year strategy",
                "Write a multi-year strategy across product lines and tie it to the company's goals.",
                "product-strategy",
                done_at_level=4,
            ),
            step(
                "Allocate investment across the portfolio",
                "Decide how product investment splits across the lines and explain the trade-offs to the leadership team.",
                "business-acumen",
                done_at_level=4,
            ),
            present_to_board("Present the product strategy in a board meeting with your CEO."),
        ],
    },
    {
        "from": "head-of-product",
        "to": "cpo",
        "months": 36,
        "commonness": COMMON,
        "months_basis": "Our estimate: it depends mostly on the company, since scale-ups often create the role when product becomes a company-level bet; the 24–60 months our estimate gives for VP to chief product officer set the order of magnitude.",
        "summary": "Join the executive team as the owner of the product and its organisation. Some companies give the top product job the head or VP title, so compare scope, not titles: the chief product officer answers for company-wide numbers and decides how effort, headcount and structure are allocated.",
        "sources": [SRC_GITLAB_CPO, SRC_BUILTIN, SRC_AIRFOCUS, SRC_RESONANCE_CPO],
        "steps": [
            step(
                "Own a company-wide number",
                "Agree with your CEO this month which company-level outcome, such as revenue growth or retention, you will answer for this year.",
                "business-acumen",
            ),
            step(
                "Build a leadership layer",
                "Put leaders in place under you so the product runs without you in every decision.",
                "people-managed",
                done_at_level=3,
            ),
            step(
                "Own the pricing process",
                "Lead how pricing and packaging decisions are made, with sales and finance.",
                "business-acumen",
                done_at_level=4,
            ),
            step(
                "Decide allocation with the CEO and CTO",
                "Decide engineering effort, headcount and structure together with the CEO and CTO in the executive team.",
                "managing-up",
                done_at_level=4,
            ),
            present_to_board("Present the product strategy and its numbers to the board."),
            step(
                "Become the external voice",
                "Speak for the product to customers, analysts and the market: a conference talk or a published piece.",
                "stakeholder-communication",
                done_when=PUBLIC_VOICE,
            ),
        ],
    },
    {
        "from": "head-of-product",
        "to": "principal-pm",
        "months": 12,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: the skills are there; principal roles are rare and mostly in larger companies with a dual ladder, so the time is the search.",
        "summary": "A step back into individual-contributor work, usually in a larger company. You give up your team, the CEO's ear and the top product title; you gain depth on one hard problem at scale without management. People choose it after tiring of management or to learn how a large company works.",
        "sources": [SRC_FINDMYPAST, SRC_PRODUCTPLAN],
        "steps": [
            step(
                "Pick the problem you would go deep on",
                "Write down the kind of cross-cutting problem you want to own, a platform, a marketplace or a data product, and list five companies that have it.",
                "product-strategy",
            ),
            step(
                "Get fluent in platform trade-offs",
                "Review two technical designs with architects and write down the trade-offs you would choose and why.",
                "technical-fluency",
                done_at_level=3,
            ),
            step(
                "Hand over your team well",
                "Give each product manager's new manager a written handover of their goals and growth plan.",
                "people-leadership",
            ),
            step(
                "Apply to companies with a dual ladder",
                "Ask in interviews how principals influence the roadmap without reports, and who they work with at the top.",
            ),
        ],
    },
    {
        "from": "director-of-product",
        "to": "vp-product",
        "months": 42,
        "commonness": USUAL,
        "months_basis": "36–60 months is our estimate; GitLab's VP role asks 18+ years of experience with 10+ managing people including directors, so many directors wait on that bar as much as on skills.",
        "summary": "From one domain to all product lines and to leading directors: the organisation, the portfolio and its operating rhythm become the job.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_LAUNCHNOTES],
        "steps": [
            step(
                "Take on a problem that spans every product line",
                "Volunteer this quarter to lead one decision that touches every line, such as the planning calendar or a shared metric.",
                "cross-team-coordination",
                done_at_level=4,
            ),
            step(
                "Manage directors",
                "Lead other directors or senior managers, so your organisation has several layers of managers.",
                "people-managed",
                done_at_level=4,
            ),
            step(
                "Run portfolio investment allocation",
                "Lead the allocation of product investment across product lines and explain the trade-offs.",
                "business-acumen",
                done_at_level=4,
            ),
            present_to_board("Present the product strategy in a board or investor meeting."),
            step(
                "Build career and hiring frameworks",
                "Create the product career framework and the hiring process the whole product organisation uses.",
                "people-leadership",
                done_at_level=4,
            ),
        ],
    },
    {
        "from": "director-of-product",
        "to": "cpo",
        "months": 48,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: usually the route goes through VP (36–60 months, then 24–60 to chief product officer in our notes); a direct move in about four years happens mostly when a scale-up creates its first chief product officer.",
        "summary": "Skip the VP step and join the executive team, usually by joining a smaller company that is creating the role. You own the product vision, how effort and headcount are allocated, and pricing, and you answer to the CEO and the board.",
        "sources": [SRC_GITLAB_CPO, SRC_BUILTIN, SRC_RESONANCE_CPO],
        "steps": [
            find_sponsor(
                "chief product officer",
                "Ask a chief product officer to mentor you on the executive seat and the board.",
            ),
            step(
                "Own the pricing process",
                "Lead how pricing and packaging decisions are made for your domain, with sales and finance.",
                "business-acumen",
                done_at_level=4,
            ),
            step(
                "Set a multi-year strategy across product lines",
                "Write a multi-year strategy across more than your domain and take it to the executive team.",
                "product-strategy",
                done_at_level=4,
            ),
            step(
                "Lead an organisation of managers",
                "Lead directors or several layers of managers, so your organisation runs without you in every decision.",
                "people-managed",
                done_at_level=4,
            ),
            present_to_board("Present the product strategy and its numbers in a board meeting."),
            step(
                "Become the external voice",
                "Speak for the product to customers, analysts and the market: a conference talk or a published piece.",
                "stakeholder-communication",
                done_when=PUBLIC_VOICE,
            ),
        ],
    },
    {
        "from": "director-of-product",
        "to": "head-of-product",
        "months": 9,
        "commonness": COMMON,
        "months_basis": "Our estimate: a director already has the skills; the time is the search and finding a company whose stage fits.",
        "summary": "Take your experience to a startup or scale-up as its product leader. You give up a larger company's scale, support and layer of managers; you gain the whole product, a seat next to the CEO and hands-on work again. People choose it for ownership, pace and equity.",
        "sources": [SRC_LAUNCHNOTES, SRC_RESONANCE],
        "steps": [
            step(
                "Ask what the job is at a startup",
                "Talk to three startup CEOs or heads of product this month about what their product leader does all week.",
            ),
            run_discovery(
                "For one problem, run five customer interviews a month, write the specification and do your own analysis: the work a small team needs from its leader.",
                title="Do the hands-on work again",
            ),
            step(
                "Check the company's numbers before joining",
                "Read the company's revenue, burn and runway and ask who decides the roadmap today before you accept.",
                "business-acumen",
            ),
            step(
                "Apply to startups and scale-ups",
                "Target companies hiring their first product leader, where a director's experience of building a team counts.",
            ),
        ],
    },
    {
        "from": "director-of-product",
        "to": "group-pm",
        "months": 6,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: the skills already exceed the role; it is a search and a clear answer to why.",
        "summary": "A smaller scope by choice: fewer reports, no managers below you, closer to the product. You give up budget, domain ownership, seniority and often pay; people choose it for more time with the product and its managers, less politics, or to join a company they care about.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_RESONANCE],
        "steps": [
            step(
                "Write down why",
                "Write one paragraph on what you want more and less of; interviewers will ask, and the answer also tells you which roles fit.",
            ),
            run_discovery(
                "For one area, run five customer interviews a month, write a specification and lead the launch review yourself.",
                title="Do the hands-on work again",
            ),
            step(
                "Coach product managers directly",
                "Run one-to-ones with product managers yourself again rather than through managers, and coach them on their specifications and decisions.",
                "people-leadership",
            ),
            step(
                "Apply for the group you want",
                "Choose the product and the company first and the title second; say in interviews what you are leaving behind and why.",
            ),
        ],
    },
    {
        "from": "vp-product",
        "to": "cpo",
        "months": 36,
        "commonness": USUAL,
        "months_basis": "24–60 months is our estimate; 36 sits in the middle, and the role often appears only when a company decides product is a company-level bet, so timing depends on the company.",
        "summary": "Step into the executive team: own a company-wide number, decide allocation with the CEO and CTO, own pricing and become the voice of the product.",
        "sources": [SRC_GITLAB_CPO, SRC_BUILTIN, SRC_AIRFOCUS],
        "steps": [
            step(
                "Own a company-wide number",
                "Agree with the CEO this month which company-level outcome, such as revenue growth or retention, you will answer for.",
                "business-acumen",
            ),
            step(
                "Decide allocation with the CEO and CTO",
                "Decide engineering effort, headcount and structure together with the CEO and CTO in the executive team.",
                "managing-up",
                done_at_level=4,
            ),
            step(
                "Own the pricing process",
                "Lead how pricing and packaging decisions are made, with sales and finance.",
                "business-acumen",
                done_at_level=4,
            ),
            present_to_board("Present the product strategy and its numbers to the board yourself."),
            step(
                "Become the external voice",
                "Speak for the product to customers, analysts and the market: a conference talk or a published piece.",
                "stakeholder-communication",
                done_when=PUBLIC_VOICE,
            ),
        ],
    },
    {
        "from": "vp-product",
        "to": "head-of-product",
        "months": 6,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: a VP already has the skills; the time is the search and choosing a company whose stage fits.",
        "summary": "To a startup as its product leader. You give up an organisation of directors, a large budget and often some cash pay; you get the whole product, hands-on work and equity. People choose it for ownership and pace, or to build a product organisation from scratch.",
        "sources": [SRC_LAUNCHNOTES, SRC_RESONANCE],
        "steps": [
            step(
                "Ask what the job is at a startup",
                "Talk to three startup CEOs or heads of product this month about what their product leader does all week.",
            ),
            run_discovery(
                "For one problem, run five customer interviews a month, write the specification and do your own analysis: the work a small team needs from its leader.",
                title="Do the hands-on work again",
            ),
            step(
                "Check the company's numbers before joining",
                "Read the company's revenue, burn and runway and ask who decides the roadmap today before you accept.",
                "business-acumen",
            ),
            step(
                "Apply to startups and scale-ups",
                "Target companies about to build a product team, where your experience of scaling one counts most.",
            ),
        ],
    },
    {
        "from": "vp-product",
        "to": "director-of-product",
        "months": 6,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: the skills exceed the role; the time is the search.",
        "summary": "Into a larger company, where a smaller company's VP scope often matches a director's. You give up the top product seat and gain scale, a bigger market and more specialised support. Compare scope, not titles.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_RESONANCE, SRC_AIRFOCUS],
        "steps": [
            step(
                "Compare scope, not titles",
                "For each role you consider, write down the reports, budget and product lines, and compare them with yours today.",
            ),
            step(
                "Learn the niche you would lead",
                "Pick the domain you would run and learn its market: competitors, customers, pricing and the regulations that apply.",
                "business-acumen",
            ),
            step(
                "Learn large-company planning",
                "Study how large companies run annual planning and risk reviews; talk to a director there about their calendar.",
                "planning-control",
            ),
            step(
                "Apply into larger companies",
                "Ask in interviews who decides the domain's roadmap and budget, and what you would need a VP's approval for.",
            ),
        ],
    },
    {
        "from": "cpo",
        "to": "vp-product",
        "months": 9,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: the skills exceed the role; senior searches are slow, and finding the right larger company takes most of the time.",
        "summary": "Into a larger company as one of several VPs, or under a chief product officer. You give up the executive seat and the board; you gain scale, a deeper bench and often a bigger product. People choose it to work at a scale their company could not offer, or after an acquisition.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_AIRFOCUS, SRC_LAUNCHNOTES],
        "steps": [
            step(
                "Define the scale you want",
                "Write down the size of organisation, product and market you want next and list the companies that have it.",
            ),
            find_sponsor(
                "VP of product",
                "Talk to VPs of product in large companies about their week and what they bring to their chief product officer.",
            ),
            step(
                "Learn a larger company's rhythm",
                "Study how larger companies run portfolio planning and reviews, so you know what you would inherit rather than set.",
                "planning-control",
            ),
            step(
                "Apply into larger companies",
                "Ask in interviews what you decide alone and what goes to the chief product officer or CEO.",
            ),
        ],
    },
    # ------------------------------------------------------------------ delivery
    {
        "from": "project-manager",
        "to": "program-manager",
        "months": 24,
        "commonness": USUAL,
        "months_basis": "12–36 months is our estimate: the middle, as most make the move after leading two or three projects; PMI's PgMP asks 48 months of programme experience, which is gained in the programme role after the move, not before it, so it does not set this number.",
        "summary": "Move from one project to a set of interdependent projects that together deliver benefits aligned with strategy.",
        "sources": [SRC_PMI_PROGRAM, SRC_PGMP, SRC_PMP],
        "steps": [
            step(
                "Map the projects yours depends on",
                "This month, list every project yours depends on or feeds, with owners and dates, and share the map with those project managers.",
                "cross-team-coordination",
                done_at_level=2,
            ),
            step(
                "Run two dependent projects at once",
                "Take on a second project that depends on your first and run them from one plan with one dependency and risk view.",
                "cross-team-coordination",
                done_at_level=3,
            ),
            step(
                "Tie the projects to benefits",
                "Write down the benefit the projects deliver together, such as a cost saved or a new capability, and report progress toward it, not only milestones.",
                "business-acumen",
                done_at_level=3,
            ),
            step(
                "Take cross-project decisions to the sponsors",
                "Bring the decisions that cross projects, such as priorities and shared people, to the sponsors yourself and get them made.",
                "managing-up",
                done_at_level=3,
            ),
            step(
                "Earn the PMP now, the PgMP later",
                "The PMP asks 36 months leading projects (with a four-year degree); the PgMP asks 48 months of programme experience on top (84 without a four-year degree), so it comes after the move.",
                "planning-control",
                URL_PMP,
                done_when=PM_CERTIFICATE,
            ),
        ],
    },
    {
        "from": "project-manager",
        "to": "product-manager",
        "months": 18,
        "commonness": COMMON,
        "months_basis": "Our estimate: a bigger shift than to product owner, because the gap is the what and why (customers, data, strategy), which takes a year or more of product work to show.",
        "summary": "Move from how and when to what and why: from delivering a committed plan to deciding what is worth building. You give up the clear finish line of a project.",
        "sources": [SRC_GITLAB_PM, SRC_TPM],
        "steps": [
            run_discovery(
                "Interview five users of what your project delivers this month and write down what they needed that the scope missed."
            ),
            own_a_metric(
                "For your next go-live, agree the outcome it should change and check it yourself a month after."
            ),
            find_sponsor(
                "product manager",
                "Ask a product manager to sponsor a move and to let you join their discovery and refinement.",
            ),
            step(
                "Write a one-page strategy for one product",
                "Say who the product is for, what problem it solves, how it wins and what it will not do.",
                "product-strategy",
                done_at_level=3,
            ),
            step(
                "Ask for the move",
                "Ask for a product role inside your company, or apply with the outcome you measured as your case study.",
            ),
        ],
    },
    {
        "from": "project-manager",
        "to": "product-owner",
        "months": 12,
        "commonness": COMMON,
        "months_basis": "Our estimate: agile delivery and a backlog are close to project work in many companies; a year covers learning to order by value and to decide on your own authority.",
        "summary": "From delivering a fixed scope on time to maximising the value of what one team builds, sprint by sprint. You give up the plan as the measure of success.",
        "sources": [SRC_SCRUM, SRC_SAFE],
        "steps": [
            step(
                "Take a product owner course",
                "A short course such as PSPO or CSPO teaches the role and its vocabulary; many enterprises ask for one.",
                resource_url=URL_SCRUM,
                done_when=PRODUCT_COURSE,
            ),
            step(
                "Draft a product goal",
                "Write a one-sentence product goal for the product your project changes, and test it with its users and sponsor.",
                "product-strategy",
            ),
            step(
                "Talk to the users",
                "Talk to users of the product every month for your own work, not through the sponsor.",
                "customer-insight",
                done_at_level=2,
            ),
            step(
                "Order a backlog by value",
                "Order one team's backlog by value to users toward that goal for a quarter, and re-order when you learn something.",
                "backlog-management",
                done_at_level=3,
            ),
            step(
                "Decide between stakeholders",
                "Weigh competing requests yourself, turn some down with a reason, and keep a short log of what you decided.",
                "decision-making",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "program-manager",
        "to": "product-manager",
        "months": 12,
        "commonness": OCCASIONAL,
        "months_basis": "6–18 months is our estimate for moves between program and product management; 12 is the middle.",
        "summary": "Move from how and when across teams to the what and why of one product area. You give up the view across the whole programme for depth in one area.",
        "sources": [SRC_TPM, SRC_TPM_2],
        "steps": [
            step(
                "Write the why of one area",
                "Ask the product manager of one area in your programme to let you write the problem statement and success metric of its next initiative.",
                "product-strategy",
            ),
            run_discovery(
                "Run customer interviews and a prototype test before the next build, five interviews a month."
            ),
            own_a_metric(
                "Take responsibility for one product metric, set its target and report on it monthly."
            ),
            find_sponsor(
                "product manager",
                "Ask a product manager to sponsor a move and to share their decisions with you.",
            ),
            step(
                "Ask for the move",
                "Ask for a product role in your company, or apply with the area you framed and measured as your case study.",
            ),
        ],
    },
    {
        "from": "program-manager",
        "to": "technical-program-manager",
        "months": 12,
        "commonness": COMMON,
        "months_basis": "Our estimate: the programme skills carry over; a year covers the technical depth a tech company expects.",
        "summary": "Bring programme skills into a tech company's engineering organisation. The new part is technical depth: architecture, dependencies between systems and launch readiness.",
        "sources": [SRC_TPM, SRC_TPM_2],
        "steps": [
            step(
                "Learn your system's architecture",
                "Read your system's architecture documentation this month, draw it from memory and check it with an engineer.",
                "technical-fluency",
                done_at_level=2,
            ),
            step(
                "Join technical design reviews",
                "Join the design reviews of the teams in your programme and write down the trade-offs and dependencies they create.",
                "technical-fluency",
                done_at_level=3,
            ),
            step(
                "Run a technical launch",
                "Run a release end to end with engineering: monitoring, rollback, security review and the review afterwards.",
                "delivery-execution",
                done_at_level=3,
            ),
            step(
                "Ask for a technical programme",
                "Ask an engineering director for a programme such as a migration or platform launch, or apply to tech companies with one as your case study.",
            ),
        ],
    },
    {
        "from": "technical-program-manager",
        "to": "program-manager",
        "months": 9,
        "commonness": COMMON,
        "months_basis": "Our estimate: the coordination skills carry over; nine months covers benefits, budgets and sponsors, the business side a programme office expects.",
        "summary": "From engineering programmes to business programmes: benefits, sponsors, budgets and often a formal programme office. You give up technical depth as your edge; people choose it for broader business scope or to work outside tech.",
        "sources": [SRC_PMI_PROGRAM, SRC_PGMP, SRC_TPM],
        "steps": [
            step(
                "Tie your programme to benefits",
                "Write down the business benefit your current programme should deliver, with a number, and report progress toward it.",
                "business-acumen",
                done_at_level=3,
            ),
            step(
                "Own the programme budget",
                "Ask to own the budget alongside the schedule and report variances each month.",
                "planning-control",
            ),
            step(
                "Report to sponsors",
                "Bring the decisions your programme needs to its business sponsors and get them made.",
                "managing-up",
                done_at_level=3,
            ),
            step(
                "Earn the PMP",
                "The PMP asks 36 months leading projects with a four-year degree; technical programmes count. The PgMP comes later, in the role.",
                "planning-control",
                URL_PMP,
                done_when=PM_CERTIFICATE,
            ),
        ],
    },
    {
        "from": "technical-program-manager",
        "to": "product-manager",
        "months": 15,
        "commonness": COMMON,
        "months_basis": "6–18 months is our estimate for moves between program and product management; toward the long end, because customer insight is usually the furthest gap for a technical program manager.",
        "summary": "From how and when across engineering teams to what and why for one product area. You give up the cross-team view and keep the technical depth that product managers often lack.",
        "sources": [SRC_TPM, SRC_TPM_2],
        "steps": [
            step(
                "Write the why of your next programme",
                "Write the problem statement and the user outcome of your next programme this month, and review it with its product manager.",
                "product-strategy",
            ),
            run_discovery("Run five customer interviews a month in one product area and act on one finding."),
            own_a_metric(
                "Take responsibility for one product metric, set its target and report on it monthly."
            ),
            step(
                "Learn the business model",
                "Learn what the product earns and costs, and what each customer costs to win and to serve.",
                "business-acumen",
                done_at_level=2,
            ),
            find_sponsor(
                "product manager",
                "Ask a product manager to sponsor a move and to share their decisions with you.",
            ),
            step(
                "Ask for the move",
                "Ask for a product role, or apply with the area you framed and measured as your case study.",
            ),
        ],
    },
    {
        "from": "product-owner",
        "to": "project-manager",
        "months": 9,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: product owners already plan sprints and releases, so nine months covers formal schedules, budgets and a certificate; PMI's PMP asks 36 months leading projects, so unless your product work counts it comes after the move.",
        "summary": "From maximising a product's value to delivering a committed scope, schedule and budget. You give up deciding what gets built; people choose it for clear commitments and the range of industries that hire project managers.",
        "sources": [SRC_PMP, SRC_BLS_PROJECT],
        "steps": [
            step(
                "Plan a release with a critical path",
                "Build the schedule for your next release with its critical path and milestones, and report against it weekly.",
                "planning-control",
            ),
            step(
                "Track the budget against actuals",
                "Ask to track the cost of your team's work against a budget and explain variances each month.",
                "planning-control",
                done_at_level=3,
            ),
            step(
                "Keep a risk register",
                "Keep a risk register for the release and run a risk review before it goes live.",
                "compliance-risk",
                done_at_level=3,
            ),
            *certificate_then_apply_for_project_roles(),
        ],
    },
    # ------------------------------------------------- routes added with the content v3 work
    {
        "from": "business-analyst",
        "to": "associate-pm",
        "months": 9,
        "commonness": COMMON,
        "months_basis": "Our estimate: analysts already write requirements and know the business, so the gap an associate role asks about is small; nine months covers one feature owned end to end and an application season.",
        "summary": "A classic first move into product: from defining requirements for others to owning a small feature's problem, launch and numbers yourself, with a senior product manager guiding you.",
        "sources": [SRC_BABOK, SRC_IDEAPLAN_APM, SRC_ICAGILE],
        "steps": [
            step(
                "Write the problem before the requirements",
                "For the next request you analyse, write one page on the user problem and the outcome that would show it is solved, before any requirement, and review it with the product manager.",
                "customer-insight",
            ),
            own_a_metric(
                "Pick the metric your next delivered change should move, write down the expected result before launch and report what happened."
            ),
            find_sponsor(
                "product manager",
                "Ask a product manager to mentor you and to let you shadow their discovery and prioritisation for a quarter.",
            ),
            step(
                "Own one small feature end to end",
                "Ask to own a small feature from problem to launch and follow-up, and write it up as your case study.",
                "delivery-execution",
                done_when=LED_INITIATIVE,
            ),
        ],
    },
    {
        "from": "product-manager",
        "to": "head-of-product",
        "months": 18,
        "commonness": COMMON,
        "months_basis": "Our estimate: the usual way is through senior product manager, but startups often hire an experienced product manager as their first product person; 18 months covers a year of broader scope and the search.",
        "summary": "Become a startup's first product hire: the only product manager at first, reporting to the CEO, expected to set up how product work is done and to hire the next product managers. You give up a mentor and a settled process for breadth and a seat near the top.",
        "sources": [SRC_LAUNCHNOTES, SRC_RESONANCE, SRC_PRODUCTPLAN],
        "steps": [
            step(
                "Own a whole product area, not a feature",
                "Ask for an area where you set the direction for a year, and write its one-page strategy this month.",
                "product-strategy",
                done_at_level=3,
            ),
            step(
                "Set up one product practice",
                "Introduce one practice your team lacks (a discovery routine, a metrics review or a roadmap review) and keep it running for a quarter.",
                "delivery-execution",
                done_at_level=3,
            ),
            step(
                "Sit on a hiring loop",
                "Interview for product or engineering roles and write your feedback against a rubric: a first product hire is expected to hire the next ones.",
                "people-leadership",
                done_when=RAN_HIRING,
            ),
            step(
                "Talk to founders who need a first product person",
                "Meet founders of seed or Series A companies through your network or investors, and ask what they would expect in the first six months.",
            ),
        ],
    },
    {
        "from": "technical-program-manager",
        "to": "senior-pm",
        "months": 18,
        "commonness": COMMON,
        "months_basis": "Our estimate: a technical program manager of several years already works at senior scope across teams; 18 months covers owning the what and why of one area and a metric before the move.",
        "summary": "From how and when across engineering teams to the what and why of an area at senior level: common for technical program managers on platform and infrastructure products, where their technical depth counts. You give up the programme view for owning outcomes.",
        "sources": [SRC_TPM, SRC_TPM_2, SRC_FINDMYPAST],
        "steps": [
            step(
                "Write the why of a platform area",
                "Write the problem statement, users and success metric of one platform area you know, and review it with its product manager this month.",
                "product-strategy",
            ),
            run_discovery(
                "Interview the internal or external users of that platform, five a month, and act on one finding."
            ),
            own_a_metric(
                "Take responsibility for one product metric of the area, set its target and report monthly."
            ),
            write_annual_plan(),
            step(
                "Ask for a senior product role on a technical product",
                "Ask your director for the move, or apply to platform, API or developer-product roles with your area as the case study.",
            ),
        ],
    },
    {
        "from": "senior-pm",
        "to": "director-of-product",
        "months": 36,
        "commonness": OCCASIONAL,
        "months_basis": "Our estimate: most directors first manage product managers as group product managers; a direct jump happens when a senior product manager is given a new domain with a first team, and takes about three years of broader scope.",
        "summary": "Skip the group product manager rung: it happens when a company opens a new domain and hands it to a senior product manager together with a first team to build. You take on managing people and managers at once, without the practice rung in between.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_RESONANCE],
        "steps": [
            step(
                "Manage your first product manager",
                "Ask to take on an associate or a new product manager as a direct report, with regular one-to-ones and a growth plan.",
                "people-leadership",
                done_at_level=3,
            ),
            write_annual_plan(),
            step(
                "Own a budget",
                "Ask to own the budget or headcount plan of your area and defend it in planning.",
                "business-acumen",
                done_at_level=3,
            ),
            step(
                "Lead hiring for a team",
                "Run the hiring loop for a product role: the role description, the interview plan, the decision.",
                "people-leadership",
                done_when=RAN_HIRING,
            ),
        ],
    },
    {
        "from": "program-manager",
        "to": "director-of-program-management",
        "months": 36,
        "commonness": USUAL,
        "months_basis": "Our estimate: a director of program management needs a record of programmes delivered and of leading other program managers; about three years of senior programmes and a first team.",
        "summary": "The delivery track's leadership rung: from running one programme to leading the program managers and deciding which programmes run at all. You give up running a programme yourself for the portfolio and the people.",
        "sources": [SRC_PMI_PROGRAM, SRC_PGMP],
        "steps": [
            step(
                "Coach a project or program manager",
                "Take on a project manager in your programme as a mentee this month, with goals you agree at the start.",
                "people-leadership",
                done_at_level=2,
            ),
            step(
                "Run a portfolio review",
                "Offer to run a review of all programmes in your department: status, risks, dependencies and which should pause.",
                "cross-team-coordination",
                done_at_level=4,
            ),
            step(
                "Set a delivery standard",
                "Write the planning, status or risk standard that other programmes adopt, and help two of them adopt it.",
                "planning-control",
                done_at_level=4,
            ),
            step(
                "Earn the PgMP",
                "PMI's PgMP asks for years of both project and programme experience; it signals the portfolio level to regulated employers.",
                "planning-control",
                done_when=PM_CERTIFICATE,
            ),
            step(
                "Lead program managers",
                "Ask to lead the program managers of a department, or apply for head of PMO roles with your portfolio review as the case study.",
                "people-leadership",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "technical-program-manager",
        "to": "director-of-program-management",
        "months": 36,
        "commonness": USUAL,
        "months_basis": "Our estimate: the usual rung above senior technical program manager in tech companies; about three years of larger programmes and a first team of TPMs.",
        "summary": "From running technical programmes to leading the TPMs who run them and deciding, with engineering leadership, which programmes run and in what order.",
        "sources": [SRC_TPM, SRC_TPM_2, SRC_PMI_PROGRAM],
        "steps": [
            step(
                "Mentor a newer TPM",
                "Mentor a newer technical program manager for a quarter, with goals you agree at the start.",
                "people-leadership",
                done_at_level=2,
            ),
            step(
                "Own the planning cycle of an organisation",
                "Offer to run quarterly planning across an engineering organisation: inputs, dependencies, the final plan.",
                "cross-team-coordination",
                done_at_level=4,
            ),
            step(
                "Report risk to executives",
                "Present the cross-programme risks of your organisation to its leadership each month, with the decisions they need to take.",
                "managing-up",
                done_at_level=3,
            ),
            step(
                "Lead a team of TPMs",
                "Ask to manage the technical program managers of your organisation, or apply for director of TPM roles.",
                "people-leadership",
                done_at_level=3,
            ),
        ],
    },
    {
        "from": "engineering-manager",
        "to": "product-manager",
        "months": 9,
        "commonness": USUAL,
        "months_basis": "Our estimate: an engineering manager already works beside a product manager every day and knows delivery and people; nine months covers customer work and a metric.",
        "summary": "From leading how a team builds to deciding what it builds and why. You give up your reports for now (an individual product role first is usual) and keep the delivery and technical judgement most product managers lack.",
        "sources": [SRC_EXPONENT, SRC_GITLAB_PM],
        "steps": [
            run_discovery(
                "Join your product manager's customer interviews this month and run five of your own next month."
            ),
            own_a_metric(
                "Take responsibility for one product metric your team moves, set its target and report monthly."
            ),
            step(
                "Write the why of your team's next bet",
                "Write the problem, the users and the expected outcome of your team's next initiative, and review it with your product manager.",
                "product-strategy",
            ),
            find_sponsor(
                "product manager or product director",
                "Ask a product leader to sponsor the move and to let you own part of the roadmap for a quarter.",
            ),
        ],
    },
    {
        "from": "engineering-manager",
        "to": "group-pm",
        "months": 18,
        "commonness": COMMON,
        "months_basis": "Our estimate: managing people carries over; the gap is a record of owning product outcomes, which takes about a year and a half in or beside a product role.",
        "summary": "Lead product managers instead of engineers. The people skills carry over; the new part is owning product direction, customers and outcomes, which you need to show before anyone hires you to coach product managers.",
        "sources": [SRC_GITLAB_LEADERSHIP, SRC_EXPONENT],
        "steps": [
            run_discovery(
                "Run five customer interviews a month alongside your product manager and act on one finding."
            ),
            own_a_metric("Own one product metric of your team's area, with its target, for two quarters."),
            write_annual_plan(),
            step(
                "Ask for a product leadership role",
                "Ask your product director for a group product manager role over an area you know, or apply with your area's results as the case study.",
            ),
        ],
    },
    {
        "from": "engineering-manager",
        "to": "technical-program-manager",
        "months": 6,
        "commonness": COMMON,
        "months_basis": "Our estimate: an engineering manager already coordinates across teams; six months covers running one cross-team programme and the search.",
        "summary": "From leading one team to coordinating many: a sideways move that trades your reports for a wider technical scope. People choose it to stay technical and broaden their reach without managing.",
        "sources": [SRC_TPM, SRC_TPM_2],
        "steps": [
            step(
                "Run one cross-team effort",
                "Volunteer to coordinate a migration or launch that spans several teams this quarter.",
                "cross-team-coordination",
                done_when=LED_INITIATIVE,
            ),
            step(
                "Keep the dependency map and risks",
                "Keep the cross-team dependency map and the risk list for that effort, and review them weekly with the leads.",
                "compliance-risk",
                done_at_level=3,
            ),
            step(
                "Ask for a TPM role",
                "Ask your director for a technical program manager role, or apply with that effort as your case study.",
            ),
        ],
    },
    {
        "from": "scrum-master",
        "to": "product-owner",
        "months": 9,
        "commonness": USUAL,
        "months_basis": "Our estimate: a Scrum Master already works beside the product owner in every event; nine months covers owning backlog decisions and stakeholder requests yourself.",
        "summary": "From helping the team work well to deciding what it works on. You give up the coach's neutrality: as product owner you say no to stakeholders and answer for the value delivered.",
        "sources": [SRC_SCRUM, SRC_SAFE],
        "steps": [
            step(
                "Write the backlog items for one goal",
                "Offer your product owner to write and order the backlog items for one sprint goal this month.",
                "backlog-management",
                done_at_level=3,
            ),
            step(
                "Decide between stakeholders",
                "Weigh competing requests for one area, turn some down with a reason, and keep a short log of what you decided.",
                "decision-making",
                done_at_level=3,
            ),
            run_discovery(
                "Talk to five users of the product each month and bring one finding to refinement."
            ),
            step(
                "Ask for a product owner role",
                "Ask for a team whose product owner is leaving or overloaded, or apply with the goal you owned as your case study.",
            ),
        ],
    },
    {
        "from": "scrum-master",
        "to": "project-manager",
        "months": 9,
        "commonness": COMMON,
        "months_basis": "Our estimate: a Scrum Master already runs delivery with a team; nine months covers budgets, formal schedules and a certificate.",
        "summary": "From facilitating a team to owning a project's scope, schedule and budget. You give up the coaching role for clear commitments, and the range of industries that hire project managers.",
        "sources": [SRC_PMP, SRC_BLS_PROJECT],
        "steps": [
            step(
                "Plan a release with its milestones",
                "Build the schedule for your team's next release with milestones and dependencies, and report against it weekly.",
                "planning-control",
                done_at_level=3,
            ),
            step(
                "Track a budget",
                "Ask to track the cost of the team's work against a budget and explain variances each month.",
                "planning-control",
            ),
            *certificate_then_apply_for_project_roles(),
        ],
    },
    {
        "from": "product-marketing-manager",
        "to": "product-manager",
        "months": 12,
        "commonness": USUAL,
        "months_basis": "Our estimate: product marketers know customers and the market; a year covers working with engineering on what gets built, the gap most of them name.",
        "summary": "From taking products to market to deciding what gets built. You keep your customer and market knowledge and add delivery with an engineering team.",
        "sources": [SRC_PRODUCTPLAN, SRC_MEHTA],
        "steps": [
            step(
                "Join discovery, not only launch",
                "Ask your product manager to include you in discovery for the next initiative this month, from the first interview.",
                "customer-insight",
            ),
            step(
                "Work through a release with engineering",
                "Follow one release from specification to launch with the team: refinement, trade-offs, the launch checklist.",
                "delivery-execution",
                done_at_level=2,
            ),
            own_a_metric(
                "Take responsibility for one product metric, set its target and report on it monthly."
            ),
            find_sponsor(
                "product manager",
                "Ask a product manager to sponsor a move and to share their decisions with you.",
            ),
        ],
    },
    {
        "from": "scrum-master",
        "to": "associate-pm",
        "months": 6,
        "commonness": COMMON,
        "months_basis": "Our estimate: a Scrum Master knows how teams ship; an associate role asks for little product experience, so six months covers one owned feature and the search.",
        "summary": "A first product role from agile delivery: you keep your feel for how teams work and add deciding what to build, with a senior product manager guiding you.",
        "sources": [SRC_SCRUM, SRC_IDEAPLAN_APM],
        "steps": [
            run_discovery(
                "Talk to five users of your team's product this month and write one page on what you heard."
            ),
            own_a_metric(
                "Pick the metric the team's next release should move and report what happened after launch."
            ),
            step(
                "Apply with a case study",
                "Write up one release as a product story (problem, decision, result) and apply to associate roles with it.",
            ),
        ],
    },
    {
        "from": "product-marketing-manager",
        "to": "associate-pm",
        "months": 6,
        "commonness": COMMON,
        "months_basis": "Our estimate: product marketers know customers and the market; an associate role asks for little delivery experience, so six months covers one feature with a team and the search.",
        "summary": "A first product role for a product marketer early in their career: you keep the customer and market view and learn delivery with a team under a senior product manager.",
        "sources": [SRC_PRODUCTPLAN, SRC_IDEAPLAN_APM],
        "steps": [
            step(
                "Join refinement with an engineering team",
                "Sit in on your product team's refinement and planning every week this month and write down the trade-offs.",
                "delivery-execution",
            ),
            own_a_metric("Take responsibility for the adoption metric of one launch and report it monthly."),
            step(
                "Apply with a case study",
                "Write up one launch as a product story (problem, decision, result) and apply to associate roles with it.",
            ),
        ],
    },
]


def transitions():
    return TRANSITIONS
