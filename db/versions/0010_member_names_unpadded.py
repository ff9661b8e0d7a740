"""Members' names without the spaces Excel rosters pad two-character names with ("王 芳",
"张  伟", "王　芳" with U+3000): from now on a name is read with no space between two Chinese
characters, so "王 芳" typed, imported or kept is 王芳, and a name already stored with such a
space is rewritten once here (the database file is copied first, as before every migration).
Spaces in other names stay ("Tursun Ali").

One name is left as it is: when rewriting it would give two members still on one branch's
roster the same name (a roster imported once as "王 芳" and once as "王芳" made both) — HongTu
never keeps two current members of one name, and which of them is the real one is for the
secretary to say (成员名单: 删除 the one on no record, or 标记离开).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# as hongtu.core.text.person_name on the day of this migration (a migration does not follow
# later changes to the code)
_HAN = r"[\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
_SPACE_BETWEEN_HAN = re.compile(f"(?<={_HAN})\\s+(?={_HAN})")


def _name(text: str) -> str:
    return _SPACE_BETWEEN_HAN.sub("", " ".join(text.split()))


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, branch_id, name, left_on FROM members ORDER BY id")
    ).all()
    # names of current members per branch, as they will be: the ones already unpadded first
    taken = {
        (branch_id, name)
        for _id, branch_id, name, left_on in rows
        if left_on is None and _name(name) == name
    }
    for member_id, branch_id, name, left_on in rows:
        new = _name(name)
        if new == name:
            continue
        if left_on is None:
            if (branch_id, new) in taken:
                continue  # two current members of one name: the secretary decides
            taken.add((branch_id, new))
        connection.execute(
            sa.text("UPDATE members SET name = :name WHERE id = :id"),
            {"name": new, "id": member_id},
        )


def downgrade() -> None:
    pass  # the padding is not kept: the copy made before the upgrade has it
