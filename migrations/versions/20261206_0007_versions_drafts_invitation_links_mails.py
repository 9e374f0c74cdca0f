"""versions: draft or published, content hashes; invitations: link salt; mailings and mails;
interviews: search terms

Versions imported before drafts existed were served at once: they are published, since the
day they were imported. Interviews' search terms are filled by ``consult init`` (the stems
come from the analysis package, which a migration should not depend on).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 22:37:24.512290
"""

from alembic import op
import sqlalchemy as sa
import consult.models.base


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mailings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('questionnaire_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('messages', sa.JSON(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('invitation', 'reminder')", name=op.f('ck_mailings_kind')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_mailings_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaires.id'], name=op.f('fk_mailings_questionnaire_id_questionnaires'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mailings'))
    )
    with op.batch_alter_table('mailings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mailings_questionnaire_id'), ['questionnaire_id'], unique=False)

    op.create_table('mails',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mailing_id', sa.Integer(), nullable=True),
    sa.Column('invitation_id', sa.Integer(), nullable=True),
    sa.Column('response_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('recipient_hash', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('error', sa.String(length=500), nullable=False),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint("kind IN ('invitation', 'reminder', 'resume')", name=op.f('ck_mails_kind')),
    sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name=op.f('ck_mails_status')),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id'], name=op.f('fk_mails_invitation_id_invitations'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['mailing_id'], ['mailings.id'], name=op.f('fk_mails_mailing_id_mailings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], name=op.f('fk_mails_response_id_responses'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mails'))
    )
    with op.batch_alter_table('mails', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mails_invitation_id'), ['invitation_id'], unique=False)
        batch_op.create_index('ix_mails_mailing_status', ['mailing_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_mails_recipient_hash'), ['recipient_hash'], unique=False)
        batch_op.create_index('ix_mails_response_created', ['response_id', 'created_at'], unique=False)

    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('link_salt', sa.String(length=32), nullable=True))

    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_terms', sa.Text(), nullable=True))

    with op.batch_alter_table('questionnaire_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=12), server_default='published', nullable=False))
        batch_op.add_column(sa.Column('published_at', consult.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('content_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('form_hash', sa.String(length=64), nullable=True))
    op.execute("UPDATE questionnaire_versions SET published_at = created_at")



def downgrade() -> None:
    with op.batch_alter_table('questionnaire_versions', schema=None) as batch_op:
        batch_op.drop_column('form_hash')
        batch_op.drop_column('content_hash')
        batch_op.drop_column('published_at')
        batch_op.drop_column('status')

    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.drop_column('search_terms')

    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_column('link_salt')

    with op.batch_alter_table('mails', schema=None) as batch_op:
        batch_op.drop_index('ix_mails_response_created')
        batch_op.drop_index(batch_op.f('ix_mails_recipient_hash'))
        batch_op.drop_index('ix_mails_mailing_status')
        batch_op.drop_index(batch_op.f('ix_mails_invitation_id'))

    op.drop_table('mails')
    with op.batch_alter_table('mailings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mailings_questionnaire_id'))

    op.drop_table('mailings')
