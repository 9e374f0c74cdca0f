"""openrosa: served xforms, collector credentials and tokens, received instances

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 22:37:54.435105
"""

from alembic import op
import sqlalchemy as sa
import consult.models.base


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('collector_credentials',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('realm', sa.String(length=120), nullable=False),
    sa.Column('sealed_ha1', sa.String(length=200), nullable=False),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_collector_credentials_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_collector_credentials'))
    )
    op.create_table('collector_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('questionnaire_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('revoked_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_collector_tokens_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaires.id'], name=op.f('fk_collector_tokens_questionnaire_id_questionnaires'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_collector_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_collector_tokens_token_hash'))
    )
    with op.batch_alter_table('collector_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collector_tokens_questionnaire_id'), ['questionnaire_id'], unique=False)

    op.create_table('xforms',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('xml', sa.Text(), nullable=False),
    sa.Column('md5', sa.String(length=32), nullable=False),
    sa.Column('version_label', sa.String(length=80), nullable=False),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['questionnaire_versions.id'], name=op.f('fk_xforms_version_id_questionnaire_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', name=op.f('pk_xforms'))
    )
    op.create_table('openrosa_instances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instance_id', sa.String(length=120), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('xml_md5', sa.String(length=32), nullable=False),
    sa.Column('deprecated_id', sa.String(length=120), nullable=True),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], name=op.f('fk_openrosa_instances_response_id_responses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_openrosa_instances_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_openrosa_instances')),
    sa.UniqueConstraint('instance_id', name=op.f('uq_openrosa_instances_instance_id'))
    )
    with op.batch_alter_table('openrosa_instances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_openrosa_instances_response_id'), ['response_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('openrosa_instances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_openrosa_instances_response_id'))

    op.drop_table('openrosa_instances')
    op.drop_table('xforms')
    with op.batch_alter_table('collector_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_collector_tokens_questionnaire_id'))

    op.drop_table('collector_tokens')
    op.drop_table('collector_credentials')
