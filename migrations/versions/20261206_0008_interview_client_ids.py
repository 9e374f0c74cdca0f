"""interviews.client_id: the id a browser gave an interview recorded offline

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 22:50:00.000000
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_id', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_interviews_client_id'), ['client_id'])


def downgrade() -> None:
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_interviews_client_id'), type_='unique')
        batch_op.drop_column('client_id')
