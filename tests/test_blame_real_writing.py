"""The constructions real incident writing uses (issue 10): each recognizer and lexicon
class added for them, with a true positive and a near-miss of the same shape that must
stay silent. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # role nouns by agentive ending (rules/agents.yaml role_suffixes)
    ("role-suffix", "An electrician accidentally switched off the cooling for hall B.",
     "An electrician replaced the breaker in hall B at noon."),
    ("role-suffix-word", "The trainee forgot to lock the loading dock.",
     "The checklist forgot nothing; the dock was locked at 18:00."),
    # ambiguous role nouns need a human cue (ambiguous_roles, human_modifiers)
    ("ambiguous-role-cue", "A contract worker accidentally deleted the flight schedules.",
     "A queue worker accidentally deleted the temporary files it had written."),
    ("ambiguous-role-on-shift", "The worker on shift deleted the whole export directory.",
     "The worker process deleted the whole export directory after the job was cancelled."),
    # teams named by letter, appositive roles
    ("named-team", "Team D forgot to renew the domain.", "Team D renewed the domain on Monday."),
    ("appositive-role", "The night-shift dispatcher ignored the overheating warning.",
     "The night-shift dispatcher acknowledged the overheating warning."),
    # companies are outsiders (organisation_suffixes); a company's staff are a team
    ("company-subject", "The Globex staff accidentally erased the shared drive.",
     "Initechgroup accidentally erased the shared drive during their migration."),
    # "you" who did something, not the generic reader
    ("you-past", "You dropped the orders table on the primary.",
     "You can drop the orders table only from the admin console."),
    ("you-question", "Did you seriously deploy on a Friday night without a rollback plan?",
     "Why did you choose a Friday night for the migration window?"),
    # "whoever" who did something
    ("whoever-past", "Whoever merged that migration should be fired.",
     "Whoever is on call should page the database team."),
    # blame verbs
    ("blame-verb-on", "The outage was blamed on a junior developer.",
     "The outage was blamed on a faulty power supply."),
    ("blame-verb-headline", "Technician blamed for citywide blackout",
     "Storm blamed for citywide blackout"),
    ("blame-verb-considered", "Officials blamed the night operator for the flood of alerts.",
     "Blaming the night operator would not explain the flood of alerts."),
    # verdicts and punishment
    ("verdict-passive", "The technician responsible will be disciplined.",
     "The technician responsible will be trained on the new console."),
    ("verdict-deserve", "The dev who approved this deserves a written warning.",
     "The dev who approved this deserves a break after the long night."),
    ("verdict-lose", "Frankly, Ilse should lose her production access after this.",
     "Ilse lost her production access during the directory migration."),
    # apologies with the writer's own harmful act
    ("apology-own-act", "Apologies, I ran the migration twice and duplicated the invoices.",
     "Apologies, I was on a train and joined the call late."),
    ("apology-for-causing", "Sorry for breaking the login page, reverting now.",
     "Sorry for the late update, the call ran long."),
    # reported and quoted blame
    ("reported-quote", '"I broke the importer," she wrote an hour later.',
     'The first draft said "she broke the importer"; we rewrote that line.'),
    ("reported-whole", '"An operator pulled the wrong drive and the array failed."',
     'The log line "operator pulled drive 4" is written by the array firmware.'),
    # failures caused by a person
    ("caused-failure", "A technician triggered the blackout while testing the generator.",
     "A technician tests the generator every month, which triggers a short alarm."),
    ("failure-after-act", "The crash happened after a developer deleted a critical file.",
     "The crash happened after the disk filled with log files."),
    ("reduced-passive", "The stoppage was a malfunction triggered by a fitter.",
     "The outage was a malfunction caused by a firmware bug."),
    # a participle after the main clause shares its subject
    ("participle", "The operator confirmed the prompt, accidentally wiping the primary volume.",
     "The operator confirmed the prompt, restoring the primary volume from the snapshot."),
    ("participle-after", "The admin felt terrible after deleting the production bucket.",
     "The admin felt relieved after restoring the production bucket."),
    # blame nouns
    ("one-to-blame", "Marisol is the one to blame for the broken export.",
     "Marisol is the one to ask about the broken export."),
    ("error-possessed", "The outage was down to a technician's error.",
     "The outage was down to a firmware error."),
    ("mistake-on-part", "That was a mistake on her part, and she admits it.",
     "It was a mistake in the runbook and we fixed it."),
    ("defect", "I had a typo in the zone file, which took the site offline.",
     "The zone file had a typo, which took the site offline."),
    ("own-harm", "I pushed some code live that didn't work.",
     "I pushed the fix live and checkout works again."),
    ("instead-target", "ugh, i pushed to production instead",
     "i pushed to the staging branch instead, as agreed"),
    ("relcl-disable", "someone pushed a config that disabled the health checks",
     "someone pushed a config that enabled the health checks"),
    # misfortune and denials are not faults
    ("misfortune", "The admin deleted the only copy of the customer database.",
     "Several admins lost access to the customer database during the migration."),
    ("denial", "The reviewer did nothing for a week while the queue grew.",
     "The reviewer did nothing wrong here."),
    # generic statements about error (rule 16)
    ("generic-error", "The root cause was human error.", "Human error is a symptom, not a cause."),
    ("generic-plural", "The operators made a mistake in the failover.",
     "Operators will always make mistakes now and then, so the tool must catch them."),
    ("generic-infinitive", "Operators should have caught the alert before the queue filled.",
     "You can't expect reviewers to catch a one-character typo in a 3,000-line diff."),
    ("generic-everyone-who", "Everyone who deployed that night skipped the canary by hand.",
     "Slips like this happen to everyone who restarts shards by hand."),
    ("generic-when", "The page was missed when Ravi forgot to hand over the pager.",
     "A mistake can happen when someone forgets to hand over the pager."),
    # partitives, clefts, name-calling, forcing past a protection, headline verdicts, denials
    ("partitive", "The vendor said one of its engineers misconfigured the load balancer.",
     "The vendor said one of its engineers reconfigured the load balancer after the failover."),
    ("cleft-self", "It was me who turned off the alerts.", "It was me who turned the alerts back on."),
    ("name-calling", "Whoever set up this cron job is an idiot.", "Whoever set up this cron job is on holiday."),
    ("no-idea", "The new hire clearly had no idea what he was doing.",
     "The new hire had no access to the console yet."),
    ("force-push", "Hemi force-pushed to main during the freeze.", "Hemi force-pushed to his own fork."),
    ("headline-verdict", "Engineer fired after outage", "Engineer hired after outage"),
    ("denied-claim", "The vendor admitted that its engineer had cut the cable.",
     "The vendor rejected claims that its engineer had cut the cable."),
    # clause boundaries: a clause joined to a reported one, negation in another clause
    ("joined-to-reported", "I was writing the export script, and I had a bug in the date filter.",
     "I was writing the export script, and I had a question about the date filter."),
    ("negation-scope", "It would not have mattered, but because of human error the backup was lost.",
     "It would not have mattered, and it was not human error that lost the backup."),
    ("relcl-every", "An operator sent a command that restarted every node in the room.",
     "An operator issued a command that rebooted the one stuck server in the hall."),
    # companies are outsiders even when their names are words; their engineers are not
    ("organisation", "One of Amazon's engineers mistakenly sent the notification to every seller.",
     "Amazon mistakenly sent the notification to every seller."),
    ("pronoun-after-outsider", "A customer asked about the outage, and he admitted that he caused it.",
     "Attackers stole a token, and they deleted the release with it."),
    # a safeguard switched off on purpose during the recovery
    ("deliberate", "I disabled the disk alert and went home.", "I disabled the disk alert on purpose while we rebuilt the index."),
    ("harmless-noisy", "The on-call engineer silenced the payments alert and went back to sleep.",
     "The on-call engineer silenced the noisy alert after confirming it was a false positive."),
    # the act given as the reason for a loss
    ("because-reason", "The studio lost most of the files because someone ran a cleanup command.",
     "The studio lost most of the files because a disk controller failed."),
    # taking the blame or the responsibility, for the failure and not for a task
    ("take-blame", "I take the blame for the missing backups.", "I take the minutes for the review meeting."),
    ("take-responsibility", "I take full responsibility for breaking the build.",
     "I take responsibility for writing the follow-up ticket."),
    ("bad-thing-ended", "I restarted the primary and the site went down.", "I restarted the pods and the errors stopped."),
    ("apology-damage", "I overwrote the config with an old copy, apologies.",
     "I wrote the config from the template, apologies for the delay."),
    # hedged attribution (rule 15) and causes named as people
    ("on-my-end", "Pretty sure the problem was on my end.", "Pretty sure the problem was on the provider's end."),
    ("cause-was-person", "The cause was an employee who clicked a phishing email.",
     "The cause was an email filter that let a phishing email through."),
    ("possessed-mistake", "The blackout was the result of a worker's mistake.",
     "The blackout was the result of a transformer fire."),
    # blame after leading clauses and deep in long sentences
    ("leading-clause", "After the third retry failed, an operator ran the cleanup against the live shard.",
     "After the third retry failed, the job scheduler ran the cleanup against the live shard."),
    ("relcl-valuable", "According to two people close to the project, a junior engineer ran a script that wiped the customer records.",
     "According to two people close to the project, a junior engineer ran a script that restored the customer records."),
    ("trying-to", "The new admin deleted the shared drive while trying to free up space.",
     "The new admin deleted the stale cache while trying to free up space."),
    ("not-realising", "The DBA dropped the old schema, not realising that the application still used it.",
     "The DBA dropped the old schema, having checked that no application used it."),
    ("aside-not-negated", "The chart version was never raised after the tag - my fault, probably, sorry.",
     "The chart version was never raised after the tag, which was not my fault or anyone's."),
    # hindsight, accountability and blame that is only considered or contradicted
    ("you-should-have", "You should have checked the diff before merging.",
     "You should check the diff tool's settings; it hides whitespace changes."),
    ("held-accountable", "The contractor needs to be held accountable for the outage.",
     "The contractor needs to be held to the new cabling standard."),
    ("banned", "Whoever wrote this migration should be banned from touching production.",
     "Whoever wrote this migration should be thanked for the rollback script."),
    ("blame-tempting", "The press blamed an engineer for the outage.",
     "It is tempting to blame the operator, but the console offered no warning."),
    ("blame-contradicted", "The airline blamed a contract worker for the cancellations.",
     "The press blamed an engineer, but the report found a firmware bug."),
    ("out-of-depth", "Frankly the release manager was out of his depth.", "Frankly the release manager was out of the office."),
    # a verbless chat fragment with an apology (rule 13)
    ("fragment-apology", "Left the feature flag on in prod again, apologies",
     "Left the bridge at 03:10 once service was back, apologies for the silence"),
    ("fragment-past", "Forgot to update the DNS before the cutover, sorry everyone.",
     "Updated the DNS before the cutover, sorry for the short notice."),
    ("slang-fault", "i cocked up the dns, reverting", "i cleaned up the dns, reverting the test records"),
    # cut infrastructure
    ("cut-through", "Workmen cut through the fibre duct behind the car park.",
     "Workmen cut through the old fence behind the car park."),
    # the failure pointed at a person: a guessed or passed-on "it was a <role>" (rules 12, 15)
    ("pointed-guess", "I bet it was an admin.", "I bet it was a cosmic ray."),
    ("pointed-hearsay", "Apparently, it came from a trainee.", "Apparently, it came from a vendor."),
    ("pointed-unhedged", "Of course it was the new guy.", "It was the network team."),
    ("pointed-cleft", "Turns out it was a contractor.", "Turns out it was a contractor who spotted the leak."),
    ("pointed-failure-noun", "The outage came from a contractor on the night shift.", "The fix came from an intern."),
    # an act done through an instrument is its user's act
    ("instrument-purpose", "An engineer was on prod and ran a command to drop a table.",
     "An engineer ran a script to back up the billing database."),
    ("instrument-purpose-system", "The on-call engineer used the console to wipe the customer bucket.",
     "The scheduler ran a job to drop the orders table."),
    # hindsight withdrawing trust from a person (rule 14)
    ("withdrawn-trust", "The intern should never have been given root.", "The intern should have been given root."),
    ("withdrawn-trust-system", "That contractor should not have been allowed near the production cluster.",
     "The deploy bot should never have been given root."),
    ("withdrawn-trust-fact", "The new hire should never have been given the keys to prod.", "The intern was never given root."),
    # a routine step left out of one's own operation
    ("step-skipped", "Maybe you didn't push the git tag when you released 2.1?", "You didn't push the git tag when the bot released 2.1."),
    ("step-skipped-role", "The release manager didn't push the git tag when she cut 2.1.",
     "The bot didn't push the tag when it released 2.1."),
    # any act of a person given as the reason for the harm
    ("act-as-reason", "The ward lost power because the contractor had plugged the cable into port 4.",
     "The ward got its power back because the contractor had plugged the cable into port 4."),
    ("act-as-reason-state", "Because the contractor had plugged the cable into port 4, the ward lost power.",
     "The ward lost power because the engineer was on leave."),
    # "someone" written apart; a one-person error
    ("some-one", "Some one removed my docs branch yesterday.", "Some one of the cron jobs removed my docs branch yesterday."),
    ("one-man-error", "The crash was a one-man error, the inspector said.", "The kiosk was a one-man operation, the inspector said."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in PAIRS])
def test_real_writing_construction(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
