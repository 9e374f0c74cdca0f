"""strategy ratings of national consultations; interview formats up to 30 characters

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 20:43:17.696791
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('strategy_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('action_code', sa.String(length=64), nullable=False),
    sa.Column('impact', sa.Integer(), nullable=False),
    sa.Column('feasibility', sa.Integer(), nullable=False),
    sa.Column('cost', sa.String(length=8), nullable=False),
    sa.Column('agreement', sa.String(length=12), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.CheckConstraint('feasibility BETWEEN 1 AND 4', name=op.f('ck_strategy_ratings_feasibility_level')),
    sa.CheckConstraint('impact BETWEEN 1 AND 4', name=op.f('ck_strategy_ratings_impact_level')),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], name=op.f('fk_strategy_ratings_interview_id_interviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_ratings')),
    sa.UniqueConstraint('interview_id', 'action_code', name=op.f('uq_strategy_ratings_interview_id_action_code'))
    )
    with op.batch_alter_table('strategy_ratings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strategy_ratings_interview_id'), ['interview_id'], unique=False)

    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.alter_column('format',
               existing_type=sa.VARCHAR(length=20),
               type_=sa.String(length=30),
               existing_nullable=False)



def downgrade() -> None:
    # The old schema knows no national consultation; it was a meeting.
    op.execute(
        "UPDATE interviews SET format = 'meeting' WHERE format = 'national_consultation'"
    )
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.alter_column('format',
               existing_type=sa.String(length=30),
               type_=sa.VARCHAR(length=20),
               existing_nullable=False)

    with op.batch_alter_table('strategy_ratings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strategy_ratings_interview_id'))

    op.drop_table('strategy_ratings')
