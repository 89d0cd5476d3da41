from core.home import HomeSection
from organizations.selectors import participation_counts


def participation_section(request) -> HomeSection:
    return HomeSection(
        template="organizations/partials/home_participation.html",
        context={"counts": participation_counts()},
        order=50,
    )
