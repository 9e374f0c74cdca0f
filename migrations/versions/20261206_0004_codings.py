"""codings: reviewed theme tags of texts, by a first and, for a sample, a second coder

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 21:23:40.013389
"""

from alembic import op
import sqlalchemy as sa
import consult.models.base


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('codings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text_id', sa.String(length=300), nullable=False),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.Column('themes', sa.JSON(), nullable=False),
    sa.Column('coder_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=6), nullable=False),
    sa.Column('coded_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('machine_themes', sa.JSON(), nullable=True),
    sa.Column('machine_confidence', sa.Double(), nullable=True),
    sa.CheckConstraint("role IN ('first', 'second')", name=op.f('ck_codings_role')),
    sa.ForeignKeyConstraint(['coder_id'], ['users.id'], name=op.f('fk_codings_coder_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_codings_country_code_countries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_codings')),
    sa.UniqueConstraint('text_id', 'role', name=op.f('uq_codings_text_id_role'))
    )
    with op.batch_alter_table('codings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_codings_text_id'), ['text_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('codings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_codings_text_id'))

    op.drop_table('codings')
