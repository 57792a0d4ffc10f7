#!/usr/bin/env python3
"""A program of another agency, written against the client openapi-python-client generated from CTIP's
served `/openapi.json` (tests/api/run.py makes it and puts it on PYTHONPATH as `client`):

    python3 tests/api/client_test.py BASE POLICE_TOKEN SHELTER_TOKEN

It opens a victim file, adds a protection step, refers the file to the Women's Counseling and Support
Center, which accepts it, and reads the annual report — through the generated functions and models only,
so the document is proven usable, not only valid. Prints one line per step; exits 1 on the first failure.
"""

import datetime
import sys

from client import AuthenticatedClient, Client
from client.api.referrals import answer_referral, list_referrals, refer_victim_file
from client.api.reports import get_annual_report
from client.api.victims import add_protection_step, get_victim_file, open_victim_file
from client.models import (AnnualReport, Created, NewReferral, NewReferralBasis, NewReferralSectionsItem, NewVictimFile,
                           NewVictimFileExploitation, NewVictimFileNationality, NewVictimFileResidenceStatus, NewVictimFileSex,
                           NewVictimFileWhereaboutsKind, ProtectionStep, ProtectionStepStep, Referral, ReferralAnswer,
                           ReferralAnswerAnswer, VictimFile)


def expect(condition, what):
    if not condition:
        print(f"FAIL: {what}")
        sys.exit(1)
    print(f"ok: {what}")


def main():
    base, police_token, shelter_token = sys.argv[1:4]
    police = AuthenticatedClient(base_url=base, token=police_token)
    shelter = AuthenticatedClient(base_url=base, token=shelter_token)

    created = open_victim_file.sync(client=police, body=NewVictimFile(
        protected_on=datetime.date(2026, 5, 1), sex=NewVictimFileSex.FEMALE, age=19, nationality=NewVictimFileNationality.PHL,
        residence_status=NewVictimFileResidenceStatus.TEMPORARY_VISITOR, exploitation=NewVictimFileExploitation.SEXUAL,
        protecting_agency="wcsc-13", whereabouts_kind=NewVictimFileWhereaboutsKind.SHELTER, whereabouts="Client shelter, room 2"))
    expect(isinstance(created, Created) and created.id.startswith("V"), f"opened a victim file ({getattr(created, 'id', created)})")

    file = add_protection_step.sync(id=created.id, client=police, body=ProtectionStep(step=ProtectionStepStep.IDENTIFICATION,
                                                                                      on=datetime.date(2026, 5, 1)))
    expect(isinstance(file, VictimFile) and [entry.step.value for entry in file.timeline] == ["identification"],
           "added the identification to the timeline")

    referral = refer_victim_file.sync(id=created.id, client=police, body=NewReferral(
        to_agency="wcsc-13", sections=[NewReferralSectionsItem.BASIC, NewReferralSectionsItem.TIMELINE], basis=NewReferralBasis.CONSENT))
    expect(isinstance(referral, Referral) and referral.status.value == "pending", "referred the file to the shelter (pending)")

    waiting = list_referrals.sync(client=shelter, limit=50)
    expect(any(item.id == referral.id for item in waiting), "the shelter sees the referral in its list")
    accepted = answer_referral.sync(referral=referral.id, client=shelter, body=ReferralAnswer(answer=ReferralAnswerAnswer.ACCEPT))
    expect(isinstance(accepted, Referral) and accepted.status.value == "accepted", "the shelter accepted it")

    seen = get_victim_file.sync(id=created.id, client=shelter)
    expect(isinstance(seen, VictimFile) and seen.whereabouts is not None and seen.whereabouts.description == "Client shelter, room 2",
           "the protecting shelter reads the whereabouts")

    answer = get_annual_report.sync_detailed(year=2024, client=Client(base_url=base))
    report = answer.parsed
    expect(isinstance(report, AnnualReport) and report.year == 2024,
           f"read the annual report of 2024 without a token ({answer.status_code} {answer.content[:300]!r})")
    print("the generated client opened a file, added a step, referred it and read a report")


if __name__ == "__main__":
    main()
