"""session versions, login throttles, password resets, invitation limits, run heartbeats, language tags up to 35 characters

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 19:05:32.021206
"""

from alembic import op
import sqlalchemy as sa
import consult.models.base


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_throttles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_failure_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_login_throttles_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_throttles')),
    sa.UniqueConstraint('user_id', 'address', name=op.f('uq_login_throttles_user_id_address'))
    )
    with op.batch_alter_table('login_throttles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_throttles_user_id'), ['user_id'], unique=False)

    op.create_table('password_resets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('expires_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_password_resets_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_password_resets_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_password_resets')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_password_resets_token_hash'))
    )
    with op.batch_alter_table('password_resets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_password_resets_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('analysis_runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('heartbeat_at', consult.models.base.UTCDateTime(timezone=True), nullable=True))

    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.alter_column('language',
               existing_type=sa.VARCHAR(length=8),
               type_=sa.String(length=35),
               existing_nullable=False)

    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('max_responses', sa.Integer(), server_default='1', nullable=True))
        batch_op.add_column(sa.Column('responses_submitted', sa.Integer(), server_default='0', nullable=False))
        batch_op.alter_column('language',
               existing_type=sa.VARCHAR(length=8),
               type_=sa.String(length=35),
               existing_nullable=True)

    # Invitations used before this revision keep working for as many responses as they have.
    op.execute(
        "UPDATE invitations SET responses_submitted = (SELECT count(*) FROM responses"
        " WHERE responses.invitation_id = invitations.id AND responses.status = 'submitted')"
    )
    op.execute("UPDATE invitations SET max_responses = NULL WHERE responses_submitted > 1")

    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.alter_column('language',
               existing_type=sa.VARCHAR(length=8),
               type_=sa.String(length=35),
               existing_nullable=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='1', nullable=False))
        # Lock-outs are kept per account and address in login_throttles now.
        batch_op.drop_column('failed_logins')
        batch_op.drop_column('locked_until')
        batch_op.alter_column('language',
               existing_type=sa.VARCHAR(length=8),
               type_=sa.String(length=35),
               existing_nullable=True)



def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('language',
               existing_type=sa.String(length=35),
               type_=sa.VARCHAR(length=8),
               existing_nullable=True)
        batch_op.drop_column('session_version')
        batch_op.add_column(sa.Column('locked_until', consult.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.alter_column('language',
               existing_type=sa.String(length=35),
               type_=sa.VARCHAR(length=8),
               existing_nullable=False)

    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.alter_column('language',
               existing_type=sa.String(length=35),
               type_=sa.VARCHAR(length=8),
               existing_nullable=True)
        batch_op.drop_column('responses_submitted')
        batch_op.drop_column('max_responses')

    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.alter_column('language',
               existing_type=sa.String(length=35),
               type_=sa.VARCHAR(length=8),
               existing_nullable=False)

    with op.batch_alter_table('analysis_runs', schema=None) as batch_op:
        batch_op.drop_column('heartbeat_at')

    with op.batch_alter_table('password_resets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_password_resets_user_id'))

    op.drop_table('password_resets')
    with op.batch_alter_table('login_throttles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_throttles_user_id'))

    op.drop_table('login_throttles')
